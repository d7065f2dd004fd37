namespace FaqBot.Web.Knowledge;

/// <summary>A source document's text cut around a snippet's quote, so the page can highlight the
/// quoted passage in place. The quote is found as the loader finds it: runs of whitespace count
/// as one space.</summary>
public sealed record QuotedPassage(string Before, string Quote, string After)
{
    public bool Found => Quote.Length > 0;

    public static QuotedPassage In(string text, string quote)
    {
        var (normal, map) = Collapse(text);
        var (needle, _) = Collapse(quote);
        var at = needle.Length == 0 ? -1 : normal.IndexOf(needle, StringComparison.Ordinal);
        if (at < 0)
        {
            return new QuotedPassage(text, "", "");
        }

        var start = map[at];
        var end = map[at + needle.Length - 1] + 1;
        return new QuotedPassage(text[..start], text[start..end], text[end..]);
    }

    /// <summary>The text with whitespace runs as one space (trimmed at the start), and for each of
    /// its characters the index of the character in the original it stands for.</summary>
    private static (string Text, int[] Map) Collapse(string text)
    {
        var chars = new System.Text.StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var pendingSpace = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (chars.Length > 0 && pendingSpace < 0)
                {
                    pendingSpace = i;
                }

                continue;
            }

            if (pendingSpace >= 0)
            {
                chars.Append(' ');
                map.Add(pendingSpace);
                pendingSpace = -1;
            }

            chars.Append(text[i]);
            map.Add(i);
        }

        return (chars.ToString(), [.. map]);
    }
}
