using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Street addresses: a house number, an optional direction, one to four street-name words
/// and a street suffix (Street, St, Ave, Rd, Blvd, ...), then an optional unit ("Apt 4B", "#12")
/// and an optional ", City[, ST][ 12345]". Without a cue the name words and the suffix must be
/// capitalised ("2 pills every day" is no address); after "I live at", "my address is", "mail it
/// to" they may be lower-case. PO boxes too. A sentence's full stop after "St." stays.</summary>
internal static class AddressDetector
{
    private const string Suffixes =
        "Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|"
        + "Highway|Hwy|Parkway|Pkwy|Square|Sq|Trail|Trl|Alley|Loop|Crescent|Plaza|Expressway|Expy|Freeway|Fwy|Turnpike|"
        + "Pike|Row|Crossing|Ridge|Cove|Heights|Hts";

    private const string Direction = @"(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?[ \t]+)?";
    private const string Number = @"(?<![\w\]$#.,/\-])\d{1,6}[A-Za-z]?[ \t]+";
    private const string Ordinal = @"\d{1,3}(?i:st|nd|rd|th)";
    private const string Unit =
        @"(?:[ \t]*,?[ \t]*(?:(?i:apt|apartment|unit|suite|ste|room|rm|floor|fl|bldg|building|lot)\.?[ \t]*\#?[ \t]*|\#[ \t]*)(?:\d{1,5}[A-Za-z]?|[A-Za-z]\d{0,4})(?![\w]))";
    private const string NotACity = @"(?!(?:And|But|So|Or|Nor|Can|Could|Would|Will|Should|Is|Are|Was|Do|Does|Did|Please|Thanks|Thank|My|The|What|When|How|Where|Why|Who|Also|Then|Call|Text|Email|If|It|Its|We|You|This|That|Near|See|Let|Hi|Hello|Ok|Okay|Yes|No|Not)\b)";
    private const string City =
        @"(?:,[ \t]*" + NotACity + @"[A-Z][a-z]+(?:[ \t]+" + NotACity + @"[A-Z][a-z]+){0,2}(?:,?[ \t]+[A-Z]{2}(?![\w]))?(?:[ \t]+\d{5}(?:-\d{4})?(?!\d))?)";
    private const string Tail = @"(?![\w'’\[])(?:\.?" + Unit + @")?(?:\.?" + City + ")?";

    private static readonly Regex Capitalised = RedactionPatterns.Create(
        Number + Direction + @"(?:(?:[A-Z][A-Za-z'’\-]*|" + Ordinal + @")[ \t]+){1,4}(?:" + Suffixes + ")" + Tail);

    private static readonly Regex Cued = RedactionPatterns.Create(
        @"(?i:\b(?:live[sd]?[ \t]+(?:at|on)|living[ \t]+(?:at|on)|reside[sd]?[ \t]+(?:at|on)|residing[ \t]+(?:at|on)|located[ \t]+(?:at|on)"
        + @"|stay(?:ing)?[ \t]+(?:at|on)|address(?:[ \t]+is|[ \t]*[:\-])|(?:mail|send)(?:[ \t]+(?:it|them|this|that|the[ \t]+[a-z]+))?[ \t]+to))[ \t]*:?[ \t]*"
        + @"(?<v>" + Number + Direction + @"(?:(?:[A-Za-z][A-Za-z'’\-]*|" + Ordinal + @")[ \t]+){1,4}(?i:" + Suffixes + ")" + Tail + ")");

    private static readonly Regex PostOfficeBox = RedactionPatterns.Create(
        @"(?i)\bP\.?[ \t]?O\.?[ \t]*Box[ \t]*\#?[ \t]*\d{1,6}(?![\w])");

    public static DetailFinder Finder { get; } = new(RedactionKind.StreetAddress, Find, [Capitalised, Cued, PostOfficeBox]);

    public static void Find(string text, List<Detected> found)
    {
        if (!RedactionPatterns.HasDigits(text, 1))
        {
            return;
        }

        RedactionPatterns.AddAll(Capitalised, text, RedactionKind.StreetAddress, found);
        RedactionPatterns.AddAll(Cued, text, RedactionKind.StreetAddress, found);
        RedactionPatterns.AddAll(PostOfficeBox, text, RedactionKind.StreetAddress, found);
    }
}
