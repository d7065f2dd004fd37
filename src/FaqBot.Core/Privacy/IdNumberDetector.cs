using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Member, policy, record and licence numbers, only after such a cue ("member ID",
/// "policy #", "MRN", "driver's license"): one token of 5 to 25 letters, digits and dashes that
/// holds at least four digits ("my insurance is Aetna" stays).</summary>
internal static class IdNumberDetector
{
    private static readonly Regex Cued = RedactionPatterns.Create(
        @"(?i)(?<!\[)\b(?:(?:member|subscriber|policy|insurance|patient|chart|account|acct|medical[ \t]+record|medicare|medicaid|identification|licen[cs]e)"
        + @"[ \t]*(?:id|number|num|no\.?|\#)|mrn|id|driver['’]?s?[ \t]+licen[cs]e(?:[ \t]*(?:number|num|no\.?|\#))?)"
        + @"(?![a-z])[ \t]*(?:is|:|\#|=|-)?[ \t]*(?:is[ \t]*)?:?[ \t]*"
        + @"(?<v>(?=(?:[A-Za-z\-]*\d){4})[A-Za-z0-9][A-Za-z0-9\-]{4,24})(?![\w\[])");

    public static DetailFinder Finder { get; } = new(RedactionKind.IdNumber, Find, [Cued]);

    public static void Find(string text, List<Detected> found)
    {
        if (RedactionPatterns.HasDigits(text, 4))
        {
            RedactionPatterns.AddAll(Cued, text, RedactionKind.IdNumber, found);
        }
    }
}
