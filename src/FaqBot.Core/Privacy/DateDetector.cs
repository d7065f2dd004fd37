using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Full dates, with a day, a month and a year, that no birth cue names: the dates of a
/// patient's own care ("my first infusion was 02/09/2024", "discharged on 2/11/2023", "seen on
/// 14 March 2023"). Such a date ties the message to one person's record; HIPAA's Safe Harbor removes
/// every element of a date but the year for that reason. A date without a year ("can I come on
/// March 14?", "3/14") is how appointments are asked for and stays; so do a month and a year alone,
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

    public static DetailFinder Finder { get; } = new(RedactionKind.Date, Find, [Numeric, Written]);

    public static void Find(string text, List<Detected> found)
    {
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
