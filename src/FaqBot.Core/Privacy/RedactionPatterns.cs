using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>How the detectors build and run their regexes: compiled once, culture-invariant,
/// with a time limit (a timeout makes the redactor withhold the whole text). Where a pattern
/// checks what is next to a detail, <c>[</c> and <c>]</c> count as letters: a placeholder stands
/// for a detail that was glued on there, so redacted text is read as the original was and
/// redacting it again changes nothing.</summary>
internal static class RedactionPatterns
{
    /// <summary>Against a pattern that runs away on some input: then the text is withheld whole. A
    /// match takes microseconds; the limit is wide so that a busy host never withholds an ordinary
    /// message because its thread waited for the processor.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Month names and their abbreviations in English, and month names in Spanish, Portuguese,
    /// French, German, Italian, Dutch and Turkish; case-insensitive, not followed by a letter.</summary>
    public const string Month =
        @"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|diciembre|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|d[ée]cembre|januar|j[äa]nner|februar|m[äa]rz|maerz|juni|juli|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|augustus|ocak|[şs]ubat|mart|nisan|may[ıi]s|haziran|temmuz|a[ğg]ustos|eyl[üu]l|ekim|kas[ıi]m|aral[ıi]k)(?!\p{L})\.?";

    /// <summary>Between a day and its month: a space, after the German ordinal's full stop ("17. März"),
    /// and "of" or the Spanish and Portuguese "de" ("4 de julio").</summary>
    public const string DayToMonth = @"\.?[ \t]+(?i:(?:of|de)[ \t]+)?";

    /// <summary>"de" or "del" between a month and its year ("julio de 2001", "marzo del 1999").</summary>
    public const string YearOf = @"(?i:del?[ \t]+)?";

    public static Regex Create(string pattern) =>
        new(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);

    /// <summary>Adds each match as a detail: its group <c>v</c> when the pattern has one (the cue
    /// around it stays), otherwise the whole match.</summary>
    public static void AddAll(Regex regex, string text, RedactionKind kind, List<Detected> found)
    {
        for (var match = regex.Match(text); match.Success; match = match.NextMatch())
        {
            var value = match.Groups["v"];
            Group span = value.Success ? value : match;
            if (span.Length > 0)
            {
                found.Add(new Detected(span.Index, span.Length, kind));
            }
        }
    }

    /// <summary>Whether <paramref name="text"/> holds at least <paramref name="atLeast"/> ASCII digits:
    /// a vectorised check that lets a detector skip its regexes on text that cannot match.</summary>
    public static bool HasDigits(string text, int atLeast)
    {
        var rest = text.AsSpan();
        for (var count = 0; count < atLeast; count++)
        {
            var at = rest.IndexOfAnyInRange('0', '9');
            if (at < 0)
            {
                return false;
            }

            rest = rest[(at + 1)..];
        }

        return true;
    }

    public static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }
}
