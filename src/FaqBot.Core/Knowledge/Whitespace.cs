using System.Text;

namespace FaqBot.Core.Knowledge;

/// <summary>Text compared as the knowledge loader compares quotes: every run of whitespace
/// (including no-break spaces and line breaks) counts as one space, and leading and trailing
/// whitespace not at all.</summary>
public static class Whitespace
{
    /// <summary>Collapses every run of whitespace to one space, trimmed.</summary>
    public static string Normalize(string text) => Collapse(text).Text;

    /// <summary>Where <paramref name="quote"/> occurs in <paramref name="text"/> ignoring
    /// differences in whitespace, as a range of the original text (first occurrence); null when
    /// it does not occur or is blank.</summary>
    public static Range? Find(string text, string quote)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(quote);
        var (normal, map) = Collapse(text);
        var needle = Normalize(quote);
        var at = needle.Length == 0 ? -1 : normal.IndexOf(needle, StringComparison.Ordinal);
        return at < 0 ? null : new Range(map[at], map[at + needle.Length - 1] + 1);
    }

    /// <summary>The collapsed text and, for each of its characters, the index in the original of
    /// the character it stands for (a collapsed space stands for the first of its run).</summary>
    private static (string Text, int[] Map) Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var pendingSpace = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (builder.Length > 0 && pendingSpace < 0)
                {
                    pendingSpace = i;
                }

                continue;
            }

            if (pendingSpace >= 0)
            {
                builder.Append(' ');
                map.Add(pendingSpace);
                pendingSpace = -1;
            }

            builder.Append(text[i]);
            map.Add(i);
        }

        return (builder.ToString(), [.. map]);
    }
}
