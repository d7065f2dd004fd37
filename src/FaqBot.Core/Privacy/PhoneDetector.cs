using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>North American numbers with or without +1, brackets and separators (ten or eleven
/// digits, or seven with a dash or dot), and + international numbers of 8 to 15 digits, each with
/// an optional extension. Digits glued to more digits or letters are not a phone number; times,
/// years, prices, doses and ZIP codes have too few digits, and a seven-digit range followed by a
/// unit ("200-2000 units") stays.</summary>
internal static class PhoneDetector
{
    private const string Sep = @"[ .\-\u00A0]?";
    private const string Extension = @"(?:[ \t]*,?[ \t]*(?i:x|ext\.?|extension|ex\.)[ \t]*\d{1,6})?";
    private const string NotRunningOn = @"(?![\w\[])";
    private const string Units = @"(?![ \t]*(?i:mg|mcg|ml|cc|g|kg|lbs?|units?|iu|%|percent|dollars?|usd|miles?|mi|km|minutes?|mins?|hours?|hrs?|days?|weeks?|feet|ft|steps|calories)(?![\w\-@\[]))";

    private static readonly Regex NorthAmerican = RedactionPatterns.Create(
        @"(?<![\w\]$+])(?:\+?1" + Sep + @")?(?:\([ ]?[2-9]\d{2}[ ]?\)|[2-9]\d{2})" + Sep + @"\d{3}" + Sep + @"\d{4}" + Extension + NotRunningOn);

    /// <summary>Seven digits with a dash or dot, unless both halves are round ("200-2000": a range).</summary>
    private static readonly Regex Local = RedactionPatterns.Create(
        @"(?<![\w\]$+.\-/])(?!\d00[.\-]\d\d00)[2-9]\d{2}[.\-]\d{4}" + Extension + NotRunningOn + Units);

    /// <summary>A country code, an optional area code in brackets, then groups with a separator
    /// between each ("+44 (20) 7946 0958"), or all the digits run together.</summary>
    private static readonly Regex International = RedactionPatterns.Create(
        @"(?<![\w\]$+])\+[2-9](?:\d{0,2}(?:[ .\-]?\(\d{1,4}\))?[ .\-]?\d{1,4}(?:[ .\-]\d{1,4}){1,4}|\d{7,14})" + NotRunningOn);

    public static DetailFinder Finder { get; } = new(RedactionKind.Phone, Find, [NorthAmerican, Local, International]);

    public static void Find(string text, List<Detected> found)
    {
        if (!RedactionPatterns.HasDigits(text, 7))
        {
            return;
        }

        RedactionPatterns.AddAll(NorthAmerican, text, RedactionKind.Phone, found);
        RedactionPatterns.AddAll(Local, text, RedactionKind.Phone, found);
        for (var match = International.Match(text); match.Success; match = match.NextMatch())
        {
            if (WholeGroups(text, match.Index, match.Index + match.Length, found) is { } number)
            {
                found.Add(number);
            }
        }
    }

    /// <summary>The longest run of whole groups from <paramref name="start"/> with 8 to 15 digits
    /// that does not run into a detail already found: "+44 20 7946 0958 555-201-7789" is two numbers.</summary>
    private static Detected? WholeGroups(string text, int start, int end, List<Detected> found)
    {
        while (end > start)
        {
            var digits = RedactionPatterns.CountDigits(text.AsSpan(start, end - start));
            if (digits < 8)
            {
                return null;
            }

            var number = new Detected(start, end - start, RedactionKind.Phone);
            if (digits <= 15 && !found.Exists(number.Overlaps))
            {
                return number;
            }

            // Drop the last group and the separator before it.
            do
            {
                end--;
            }
            while (end > start && text[end] is not (' ' or '.' or '-'));
        }

        return null;
    }
}
