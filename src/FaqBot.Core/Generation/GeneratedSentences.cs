using System.Text.RegularExpressions;

namespace FaqBot.Core.Generation;

/// <summary>One sentence of a model's answer: its words without citation markers, and the
/// snippet numbers its markers name, in order.</summary>
public sealed record GeneratedSentence(string Text, IReadOnlyList<int> Cites);

/// <summary>
/// Splits a model's answer into sentences and reads their citation markers ("[1]", "[1][2]",
/// "[1, 2]", "[1-2]"). A marker written after the full stop belongs to the sentence before it.
/// Markdown emphasis, headings and list bullets are dropped; so is a leading "Yes" or "No",
/// whose truth depends on the patient's question and which no snippet can support ("No one ..."
/// keeps its "No": only a "Yes" or "No" followed by punctuation or nothing is dropped).
/// </summary>
public static partial class GeneratedSentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr.", "mr.", "mrs.", "ms.", "st.", "ste.", "e.g.", "i.e.", "a.m.", "p.m.", "approx.", "vs.", "etc.", "no.", "u.s.",
    };

    public static IReadOnlyList<GeneratedSentence> Split(string answer)
    {
        var text = Emphasis().Replace(answer.Replace("\r\n", "\n", StringComparison.Ordinal), "");
        text = LineStart().Replace(text, "");
        text = MarkersAfterStop().Replace(text, m => m.Groups["markers"].Value + m.Groups["stop"].Value);
        var sentences = new List<GeneratedSentence>();
        foreach (var line in text.Split('\n'))
        {
            foreach (var piece in Pieces(line))
            {
                var cites = new List<int>();
                foreach (Match marker in Marker().Matches(piece))
                {
                    cites.AddRange(Numbers(marker.Groups["list"].Value));
                }

                var words = Spaces().Replace(Marker().Replace(piece, " "), " ").Trim();
                words = SpaceBeforeStop().Replace(words, "$1");
                words = YesOrNo().Replace(words, "");
                if (words.Length > 0 && words.Any(char.IsLetterOrDigit))
                {
                    sentences.Add(new GeneratedSentence(Capitalised(words), [.. cites.Distinct()]));
                }
            }
        }

        return sentences;
    }

    /// <summary>The sentences of a plain text (a snippet's answer), without marker handling.</summary>
    public static IEnumerable<string> Plain(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').SelectMany(Pieces).Select(p => p.Trim()).Where(p => p.Length > 0);

    private static IEnumerable<string> Pieces(string line)
    {
        var start = 0;
        foreach (Match gap in SentenceGap().Matches(line))
        {
            var before = line[start..gap.Index];
            var lastWord = before[(before.LastIndexOf(' ') + 1)..];
            if (Abbreviations.Contains(lastWord))
            {
                continue;
            }

            yield return before;
            start = gap.Index + gap.Length;
        }

        yield return line[start..];
    }

    private static IEnumerable<int> Numbers(string list)
    {
        foreach (Match part in MarkerPart().Matches(list))
        {
            var from = int.Parse(part.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var to = part.Groups["to"].Success ? int.Parse(part.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture) : from;
            for (var n = from; n <= Math.Min(to, from + 10); n++)
            {
                yield return n;
            }
        }
    }

    private static string Capitalised(string words) =>
        char.IsLower(words[0]) ? char.ToUpperInvariant(words[0]) + words[1..] : words;

    [GeneratedRegex(@"\*\*|__|`|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^[ \t]*(?:#{1,6}[ \t]+|[-*•][ \t]+|\d{1,2}[.)][ \t]+)", RegexOptions.Multiline)]
    private static partial Regex LineStart();

    [GeneratedRegex(@"(?<stop>[.!?])(?<markers>(?:[ \t]*\[\d[\d\s,–-]*\])+)")]
    private static partial Regex MarkersAfterStop();

    [GeneratedRegex(@"\[(?<list>\d[\d\s,–-]*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"(?<from>\d+)(?:\s*[-–]\s*(?<to>\d+))?")]
    private static partial Regex MarkerPart();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[""'“‘(\[]?[A-Z0-9])")]
    private static partial Regex SentenceGap();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([.!?,;:])")]
    private static partial Regex SpaceBeforeStop();

    [GeneratedRegex(@"^(?:yes|no)(?:\s*[,.!:;—–-]+\s*|\s*$)", RegexOptions.IgnoreCase)]
    private static partial Regex YesOrNo();
}
