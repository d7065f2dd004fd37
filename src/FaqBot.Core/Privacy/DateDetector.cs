using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Full dates, with a day, a month and a year, that no birth cue names: the dates of a
/// patient's own care ("my first infusion was 02/09/2024", "discharged on 2/11/2023", "seen on
/// 14 March 2023"), and a date without a year that dates a past event of that care ("had an
/// infusion on 2 Feb"). Such a date ties the message to one person's record; HIPAA's Safe Harbor removes
/// every element of a date but the year for that reason. A date without a year ("can I come on
/// March 14?", "3/14") is otherwise how appointments are asked for and stays; so do a month and a year alone,
/// ranges, doses and versions. Numeric dates need a day and a month that can be one (one part at
/// most 12, both at most 31) and the same separator twice; a two-digit year only with slashes.</summary>
internal static class DateDetector
{
    private const string Day = @"(?:0?[1-9]|[12]\d|3[01])(?i:st|nd|rd|th)?";
    private const string Year = @"(?:(?:19|20)\d{2}|'\d{2})";
    private const string Before = @"(?<![\w\]/.\-$£€#:])";
    private const string After = @"(?![\w\[%]|[/.\-:]\d)";

    private static readonly Regex Numeric = RedactionPatterns.Create(
        Before + @"(?:(?<a>\d{1,2})(?<s>[/.\-])(?<b>\d{1,2})\k<s>(?:19|20)\d{2}|(?<a>\d{1,2})/(?<b>\d{1,2})/\d{2}"
        + @"|(?:19|20)\d{2}(?<t>[/.\-])(?<b>\d{1,2})\k<t>(?<a>\d{1,2}))" + After);

    private static readonly Regex Written = RedactionPatterns.Create(
        Before + @"(?:" + RedactionPatterns.Month + @"[ \t]+" + Day + @",?[ \t]+" + Year
        + "|" + Day + RedactionPatterns.DayToMonth + RedactionPatterns.Month + @",?[ \t]+" + RedactionPatterns.YearOf + Year + ")" + After);

    /// <summary>A day and a month without a year: "4/18", "2 Feb", "Feb 9", "the 3rd of March".</summary>
    private const string Short =
        @"(?:(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![/\d])|" + RedactionPatterns.Month + @"[ \t]+" + Day + @"(?![\w:])|" + Day
        + RedactionPatterns.DayToMonth + RedactionPatterns.Month + ")";

    /// <summary>An event of the writer's own care told as past: a visit had, missed or finished,
    /// a payment, a charge, an admission or a discharge ("had his first session with you", "paid",
    /// "was discharged from Lakeview", "my last infusion").</summary>
    private const string PastCare =
        @"(?i:\b(?:(?:had|got|attended|missed|finished|completed)[ \t]+(?:[\p{L}\d]+[ \t]+){0,3}"
        + @"(?:infusion|session|appointment|appt|visit|treatment|consult|consultation|booster|procedure|surgery|reaction|dose|intake|assessment)s?"
        + @"|paid|charged|billed|discharged|admitted|hospitali[sz]ed|released"
        + @"|last[ \t]+(?:infusion|session|appointment|appt|visit|treatment|booster|dose)))\b";

    /// <summary>A date without a year (which is how appointments are asked for, and stays) is still
    /// the writer's when it dates an event of their care told as past, up to six words on (none of
    /// them turning to what comes next: "and", "but", "next", "can", ...), after "on", "since" or "from": "had an infusion on 2 Feb", "discharged from Lakeview on 11/19", "paid on
    /// 01/09", "hospitalized from 2/10 to 2/24".</summary>
    private static readonly Regex PastVisit = RedactionPatterns.Create(
        PastCare + @"(?:[ \t]+(?!(?i:next|and|but|or|then|so|can|could|would|will|want|wanted|like|if|hoping|wondering|book|move)\b)[^\s.!?;,\[]+){0,6}?"
        + @"[ \t]+(?i:on|since|from)[ \t]+(?i:the[ \t]+)?(?<v>" + Short
        + @"(?:[ \t]*(?i:to|-|–|until|till|through)[ \t]*(?i:the[ \t]+)?" + Short + @")?)(?![\w\[/]|[.\-]\d)");

    public static DetailFinder Finder { get; } = new(RedactionKind.Date, Find, [Numeric, Written, PastVisit]);

    public static void Find(string text, List<Detected> found)
    {
        if (!RedactionPatterns.HasDigits(text, 1))
        {
            return;
        }

        RedactionPatterns.AddAll(PastVisit, text, RedactionKind.Date, found);
        if (!RedactionPatterns.HasDigits(text, 3))
        {
            return;
        }

        for (var match = Numeric.Match(text); match.Success; match = match.NextMatch())
        {
            var a = int.Parse(match.Groups["a"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            var b = int.Parse(match.Groups["b"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            if (a is >= 1 and <= 31 && b is >= 1 and <= 31 && Math.Min(a, b) <= 12 && (!match.Groups["t"].Success || b <= 12))
            {
                found.Add(new Detected(match.Index, match.Length, RedactionKind.Date));
            }
        }

        RedactionPatterns.AddAll(Written, text, RedactionKind.Date, found);
    }
}
