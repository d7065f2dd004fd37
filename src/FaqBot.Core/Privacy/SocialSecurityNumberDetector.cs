using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Social security (and ITIN) numbers: 3-2-4 digits with the same dash or space between the
/// groups anywhere; nine bare digits, or the last four, only after a cue ("ssn", "social security",
/// "social"). Other nine-digit numbers without a cue are not taken for one.</summary>
internal static class SocialSecurityNumberDetector
{
    private const string Cue = @"(?:ssn|s\.s\.n\.?|ss[ \t]?\#|social[ \t]+security(?:[ \t]+(?:number|num|no\.?|\#))?|social)";

    private static readonly Regex Grouped = RedactionPatterns.Create(
        @"(?<![\w\]$.\-/])\d{3}(?<s>[ \-])\d{2}\k<s>\d{4}(?![\w\[])");

    private static readonly Regex Cued = RedactionPatterns.Create(
        @"(?i)(?<!\[)\b" + Cue + @"(?![a-z])[^\d\n\[\]]{0,20}?(?<v>(?<!\d)\d{3}[ .\-]?\d{2}[ .\-]?\d{4})(?![\w\[])");

    private static readonly Regex LastFour = RedactionPatterns.Create(
        @"(?i)\blast[ \t]+(?:4|four)(?:[ \t]+digits)?[ \t]+of[ \t]+(?:my[ \t]+|the[ \t]+)?" + Cue + @"(?![a-z])[^\d\n\[\]]{0,12}?(?<v>(?<!\d)\d{4})(?![\w\[])");

    public static DetailFinder Finder { get; } = new(RedactionKind.SocialSecurityNumber, Find, [Grouped, Cued, LastFour]);

    public static void Find(string text, List<Detected> found)
    {
        if (!RedactionPatterns.HasDigits(text, 4))
        {
            return;
        }

        RedactionPatterns.AddAll(Grouped, text, RedactionKind.SocialSecurityNumber, found);
        RedactionPatterns.AddAll(Cued, text, RedactionKind.SocialSecurityNumber, found);
        RedactionPatterns.AddAll(LastFour, text, RedactionKind.SocialSecurityNumber, found);
    }
}
