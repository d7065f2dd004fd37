using System.Buffers;
using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>A date is a date of birth only when the patient says so: a birth cue ("DOB", "date of
/// birth", "birthday", "born", "turns 18", "nací", "geboren", ...) at most 25 characters before it,
/// within the same clause (no digit, comma, newline or sentence end in between), or further on in
/// the same sentence when its year is a birth year, or right after it ("3/14/85 is my DOB").
/// Any other date ("can I come on March 14?") is an appointment date and stays. A date needs a
/// month and a day ("3/14", "March 14", "the twenty-first of July"), or a month and a year, or eight
/// digits run together ("19690812"): a birth year alone is not removed.</summary>
internal static class DateOfBirthDetector
{
    private const string Day = @"(?:0?[1-9]|[12]\d|3[01])(?i:st|nd|rd|th)?";
    private const string Year = @"(?:(?:19|20)\d{2}|'\d{2})";

    /// <summary>After a month and a day, a year may be written with two digits and no apostrophe
    /// ("born march 14th 87"), unless the number counts something ("March 14 12 years ago").</summary>
    private const string ShortYear = @"(?:" + Year + @"|\d{2}(?![ \t]*(?i:years?|yrs?|y/?o|am|pm|mg|min|minutes|hours?)\b))";

    private const string Units = "one|two|three|four|five|six|seven|eight|nine";

    /// <summary>A day in words: "first", "twenty-first", "thirtieth".</summary>
    private const string WordDay =
        @"(?:(?:twenty|thirty)[ \t\-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
        + "|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";

    /// <summary>A year in words: "nineteen seventy", "nineteen eighty-two", "nineteen oh five", "two thousand and three".</summary>
    private const string WordYear =
        @"(?:(?:nineteen|twenty)[ \t\-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ \t\-]+(?:" + Units + "))?"
        + @"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:oh|o)[ \t\-]+(?:" + Units + "))"
        + @"|two[ \t]+thousand(?:[ \t]+and)?(?:[ \t]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|" + Units + "))?)";

    /// <summary>A date said in words: "the twenty-first of July nineteen seventy", "July 21st, nineteen seventy".</summary>
    private const string WordDate =
        @"(?i:(?:the[ \t]+)?" + WordDay + @"[ \t]+(?:of[ \t]+)?" + RedactionPatterns.Month + @"(?:,?[ \t]+(?:" + WordYear + "|" + Year + @"))?"
        + "|" + RedactionPatterns.Month + @"[ \t]+(?:the[ \t]+)?(?:" + WordDay + "|" + Day + @"),?[ \t]+" + WordYear + ")";

    /// <summary>Eight digits run together: year, month, day ("19690812") or day, month, year ("12081969").</summary>
    private const string Compact =
        @"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{2}|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:19|20)\d{2}";

    private const string Date =
        @"(?<![\w\]/.\-])(?:"
        + WordDate + "|" + Compact + "|"
        + @"\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
        + @"|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}"
        + @"|\d{1,2}(?<m>[/.\-])" + RedactionPatterns.Month + @"\k<m>(?:\d{4}|\d{2})"
        + "|" + RedactionPatterns.Month + @"[ \t]+" + Day + @"(?:,?[ \t]*" + ShortYear + ")?"
        + "|" + Day + RedactionPatterns.DayToMonth + RedactionPatterns.Month + @"(?:,?[ \t]*" + RedactionPatterns.YearOf + ShortYear + ")?"
        + "|" + RedactionPatterns.Month + @",?[ \t]+" + Year
        + @"|(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
        + @")(?![\w\[]|[/.\-][\d\[])";

    private const string Cue =
        @"(?i:\b(?:dob\b|d\.o\.b\b\.?|date[ \t]+of[ \t]+birth|birth[ \t]?date|birth[ \t]?day|b-?day|born"
        + @"|turn(?:s|ed|ing)?[ \t]+\d{1,3}|\d{1,3}(?:st|nd|rd|th)[ \t]+birthday"
        + @"|nac[ií](?:do|da|[oó])?\b|fecha[ \t]+de[ \t]+nacimiento|nascid[oa]|nasc[ei]u?\b|data[ \t]+de[ \t]+nascimento|née?\b|date[ \t]+de[ \t]+naissance"
        + @"|geboren|geb\.|geburtsdatum|geburtstag|nat[oa]\b|data[ \t]+di[ \t]+nascita|cumplea[ñn]os|anivers[aá]rio)(?:['’]s)?)";

    /// <summary>From a cue to the date it introduces: same clause, at most 25 characters.</summary>
    private const string CueToDate = @"[ \t]*[,:\-–]?[^\d\n,;.!?\[\]]{0,25}?";

    /// <summary>How far before a cue a date named by it can start: the longest date ("14th of
    /// September, 1985") and the longest link ("  (was patient's ") with room to spare.</summary>
    private const int DateBeforeCueWindow = 64;

    /// <summary>Every cue contains one of these; text without any has no date of birth.</summary>
    private static readonly SearchValues<string> CueWords = SearchValues.Create(
        ["dob", "d.o.b", "birth", "born", "bday", "b-day", "turn", "nac", "nasc", "né", "naissance", "geb", "nat", "cumple", "anivers"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly Regex CueThenDate = RedactionPatterns.Create(Cue + CueToDate + "(?<v>" + Date + ")");

    /// <summary>Further from its cue, in the same sentence, a date is a birth date only when its
    /// year is one ("my birthday was entered wrong on my chart, it should be june 5 1992").</summary>
    private static readonly Regex CueThenBirthYear = RedactionPatterns.Create(
        Cue + @"[^\d\n.!?;\[\]]{0,80}?(?<v>" + Date + ")");

    private static readonly Regex BirthYear = RedactionPatterns.Create(@"(?<!\d)(?:19\d{2}|20(?:0\d|1[0-5]))(?!\d)|'\d{2}$");

    /// <summary>A cue that names the date before it: one that does not introduce a date of its own
    /// ("on 3/14/2025, my birthday is 4/2/1990": only the second is the birth date, also once it
    /// has been redacted).</summary>
    private static readonly Regex CueAfterDate = RedactionPatterns.Create(
        Cue + "(?!" + CueToDate + @"(?:" + Date + @"|\[date of birth\]|\[date\]))");

    /// <summary>A date that ends the text it is given, linked to what follows by "is", "was", "my", ...</summary>
    private static readonly Regex DateAtEnd = RedactionPatterns.Create(
        @"(?<v>" + Date + @")[ \t]{0,3}[(,\-–]?[ \t]{0,3}(?i:(?:is|was|=)[ \t]{1,3})?(?i:(?:my|the|his|her|their|patient['’]?s)[ \t]{1,3})?\z");

    public static DetailFinder Finder { get; } = new(RedactionKind.DateOfBirth, Find, [CueThenDate, CueThenBirthYear, BirthYear, CueAfterDate, DateAtEnd]);

    public static void Find(string text, List<Detected> found)
    {
        if (!text.AsSpan().ContainsAny(CueWords))
        {
            return;
        }

        RedactionPatterns.AddAll(CueThenDate, text, RedactionKind.DateOfBirth, found);
        for (var match = CueThenBirthYear.Match(text); match.Success; match = match.NextMatch())
        {
            var date = match.Groups["v"];
            if (BirthYear.IsMatch(date.ValueSpan))
            {
                found.Add(new Detected(date.Index, date.Length, RedactionKind.DateOfBirth));
            }
        }

        // Only the few characters before each cue are searched for a date, not the whole text.
        for (var cue = CueAfterDate.Match(text); cue.Success; cue = cue.NextMatch())
        {
            var start = Math.Max(0, cue.Index - DateBeforeCueWindow);
            var date = DateAtEnd.Match(text, start, cue.Index - start).Groups["v"];
            if (date.Success)
            {
                found.Add(new Detected(date.Index, date.Length, RedactionKind.DateOfBirth));
            }
        }
    }
}
