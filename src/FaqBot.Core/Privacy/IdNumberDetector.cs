using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Member, group, policy, record, licence, passport and national id numbers, and licence
/// plates:
/// <list type="bullet">
/// <item>after a cue ("member ID", "group #", "policy", "MRN", "MBI", "NHS number", "passport",
/// "driver's licence", "Aadhaar", "OHIP", ...): one to five groups of letters and digits joined
/// by single spaces or dashes ("HUM 44827 1193", "XYP 882 104 553", "1EG4-TE5-MK73") holding at
/// least four digits ("my insurance is Aetna", "policy number 2" stay), or after a colon or "is" one
/// token of letters then digits ("Group: KR88"); a few words may stand between the cue and a colon
/// ("passport number for the form: 532198477");</item>
/// <item>a British plate without a cue ("KX19 BTE");</item>
/// <item>the last digits of any number, given to be recognised by ("ends in 4402", "last 4 are 6621");</item>
/// <item>after a plate cue ("plate", "reg", "rego", "registration", "car"): a plate of four to eight
/// letters and digits with at least one of each ("LK19 XMP", "HXR-4471");</item>
/// <item>without a cue, one token shaped like an id: letters and at least five digits, with
/// dashes at most between its parts ("PA4928173", "12345678Z", "D123-4567-8901");</item>
/// <item>without a cue, a number of at least <see cref="MinBareDigits"/> digits in groups joined by
/// single spaces, dots or dashes ("48293017746", "382.417.905-61", "35202-1456789-3"), after at
/// most a short code in capitals and a space, a dash or a slash ("AAR/00471829", "XYP 4418 2290 3"): no price, dose, time or year has that many. It
/// is a weak reading: a phone number, card, date or online id it may also be is read as that, a
/// number said to be an order, a parcel, a referral or the like stays ("order number
/// 1234567890123456"), and so do numbers shaped like a US phone, social security or card number, which
/// their own kinds read (and leave when switched off).</item>
/// </list></summary>
internal static class IdNumberDetector
{
    private const string Suffix = @"(?:[ \t]*(?:id|number|num|no\.?|nr\.?|\#|card|code|file))";

    private static readonly Regex Cued = RedactionPatterns.Create(
        @"(?i)(?<![\[\w])(?:"
        + @"(?<id>(?:member|subscriber|policy|group|grp|insurance|insured|patient|chart|account|acct|medical[ \t]+record|record|health[ \t]+(?:card|insurance|plan)"
        + @"|medicare|medicaid|tricare|identification|passport|claim|beneficiary|client|employee|student|national[ \t]+insurance|social[ \t]+insurance"
        + @"|driver['’]?s?[ \t]+licen[cs]e|licen[cs]e|permit|visa|health|veteran|va|badge|case|file|ref|reference)" + Suffix + @"{0,2}"
        + @"|ni[ \t]+(?:number|no\.?|\#)|mrn|mbi|hicn|nhs|chi|ohip|ramq|msp|aadhaa?r|pan|dni|nie|nif|cpf|curp|bsn|ppsn?|tfn|ihi|nino|sin|nhi|ird|svnr|ahv"
        + @"|versichertennummer|krankenversichertennummer|versicherungsnummer|personnummer|c[eé]dula|rut|id|i\.d\.|dl)"
        + @"|(?<plate>(?:licen[cs]e[ \t]+|number[ \t]+|registration[ \t]+)?plates?|reg(?:istration)?|rego|tags?|car|vehicle))"
        + @"(?![a-z])" + Suffix + @"{0,2}(?:['’]s)?(?:(?:[ \t]+[a-z]{1,14}){1,5}[ \t]*:)?[ \t]*(?:(?<marked>(?:is|was|es|ist|est|it['’]?s)[ \t]+|[:=\#\-–][ \t]*)){0,3}");

    /// <summary>An id-shaped token without a cue: letters and at least five digits.</summary>
    private static readonly Regex Shaped = RedactionPatterns.Create(
        @"(?<![\w\]$@.\-/+#])(?=[A-Za-z\-]*\d)(?=[\d\-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+){0,4}(?![\w\[@]|[.\-/][\w\[])");

    /// <summary>The last digits of a number, given to be recognised by ("my SSN ends in 4402", "same
    /// phone ending -4471", "last 4 are 6621"): three to six digits, not a year, not a quantity.</summary>
    private static readonly Regex LastDigits = RedactionPatterns.Create(
        @"(?i)(?<![\w\[])(?:end(?:s|ing)?(?:[ \t]+(?:in|with))?|last[ \t]+(?:\d|three|four|five|six)(?:[ \t]+digits)?(?:[ \t]+(?:are|is|were))?|last[ \t]+digits(?:[ \t]+(?:are|is))?)"
        + @"[ \t]*[:\-–]?[ \t]*(?<v>(?!(?:19|20)\d\d(?!\d))\d{3,6})(?![\w\[]|[.,]\d|[ \t]*(?:%|min|mins|minutes|hours?|hrs?|days?|weeks?|months?|years?|mg|ml|am|pm|dollars?|bucks|\$|usd)(?!\w))");

    /// <summary>Digits an uncued number needs to be read as an id.</summary>
    private const int MinBareDigits = 8;

    /// <summary>A long number without a cue (see the list above); a thousands comma ends it ("1,250,000" is money).</summary>
    private static readonly Regex LongNumber = RedactionPatterns.Create(
        @"(?<![\w\]$€£¥.,\-/+#])(?:(?![AI][ \-])[A-Z]{1,5}[ /\-])?\d{1,14}(?:[ .\-]\d{1,14}){0,8}(?![\w\[]|[.,\-/]\d)");

    /// <summary>What a long number is said to be when it identifies a thing rather than a person,
    /// in the few words before it.</summary>
    private static readonly Regex ThingCue = RedactionPatterns.Create(
        @"(?i)\b(?:order|tracking|parcel|package|shipment|referral|confirmation|invoice|receipt|transaction|booking|serial|lot|batch|model)\b[^.!?\n]{0,24}$");

    /// <summary>A US phone number, a social security number or a card number by its shape alone.</summary>
    private static readonly Regex OwnKindShape = RedactionPatterns.Create(@"^(?:\(?\d{3}\)?[ .\-]?\d{3}[ .\-]\d{4}|\d{3}-\d{2}-\d{4}|\d{4}(?:[ \-]?\d{4}){3})$");

    /// <summary>A British number plate as issued since 2001 (two letters, two digits, three letters:
    /// "KX19 BTE"), a shape no word has, so no cue is needed.</summary>
    private static readonly Regex UkPlate = RedactionPatterns.Create(@"(?<![\w\[\-])[A-Z]{2}\d{2}[ \t]?[A-Z]{3}(?![\w\[\-])");

    /// <summary>"12-Jan-1975" is a date, not an id.</summary>
    private static readonly Regex HasMonth = RedactionPatterns.Create(@"(?<![A-Za-z])" + RedactionPatterns.Month + "(?![A-Za-z])");

    private static readonly int PlateGroup = Cued.GroupNumberFromName("plate");

    private static readonly int MarkedGroup = Cued.GroupNumberFromName("marked");

    public static DetailFinder Finder { get; } = new(RedactionKind.IdNumber, Find, [Cued, Shaped, HasMonth, UkPlate, LongNumber, ThingCue, OwnKindShape, LastDigits]);

    public static void Find(string text, List<Detected> found)
    {
        if (!RedactionPatterns.HasDigits(text, 1))
        {
            return;
        }

        for (var match = Cued.Match(text); match.Success; match = match.NextMatch())
        {
            var plate = match.Groups[PlateGroup].Success;
            var marked = match.Groups[MarkedGroup].Success || match.ValueSpan.TrimEnd().EndsWith(':');
            if (ReadValue(text, match.Index + match.Length, plate, marked) is { } value)
            {
                found.Add(value);
            }
        }

        RedactionPatterns.AddAll(UkPlate, text, RedactionKind.IdNumber, found);
        RedactionPatterns.AddAll(LastDigits, text, RedactionKind.IdNumber, found);
        if (RedactionPatterns.HasDigits(text, 5))
        {
            for (var match = Shaped.Match(text); match.Success; match = match.NextMatch())
            {
                if (match.Length <= 30 && RedactionPatterns.CountDigits(match.ValueSpan) >= 5 && !HasMonth.IsMatch(match.ValueSpan))
                {
                    found.Add(new Detected(match.Index, match.Length, RedactionKind.IdNumber));
                }
            }
        }

        if (RedactionPatterns.HasDigits(text, MinBareDigits))
        {
            for (var match = LongNumber.Match(text); match.Success; match = match.NextMatch())
            {
                var value = match.ValueSpan;
                var number = char.IsAsciiLetter(value[0]) ? value[(value.IndexOfAny(' ', '/', '-') + 1)..] : value;
                if (IsLongNumber(value) && !OwnKindShape.IsMatch(number)
                    && !ThingCue.IsMatch(text.AsSpan(Math.Max(0, match.Index - 40), Math.Min(40, match.Index))))
                {
                    found.Add(new Detected(match.Index, match.Length, RedactionKind.IdNumber) { Weak = true });
                }
            }
        }
    }

    /// <summary>At least <see cref="MinBareDigits"/> digits, in groups of two digits or more on
    /// average and one of three or more: a list of small numbers ("1 2 3 4 5 6 7 8"), times
    /// ("10.30-11.45") or short dates ("2/3 2/5 2/7 2/10") is no id.</summary>
    private static bool IsLongNumber(ReadOnlySpan<char> value)
    {
        int digits = 0, groups = 0, longest = 0, run = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                groups += run == 0 ? 1 : 0;
                longest = Math.Max(longest, ++run);
            }
            else
            {
                run = 0;
            }
        }

        return digits >= MinBareDigits && digits >= 2 * groups && longest >= 3;
    }

    /// <summary>The groups of an id number starting at <paramref name="at"/>: each of letters and
    /// digits, joined by one space, dash or slash ("AMG/2024/117"); a group of letters only joins when it is in capitals
    /// and short, and first, after a dash or last ("HUM 44827", "7723-A", "QQ 12 34 56 C").</summary>
    private static Detected? ReadValue(string text, int at, bool plate, bool marked)
    {
        var end = at;
        var digits = 0;
        var letters = 0;
        var groups = 0;
        var i = at;
        while (groups < 5 && i < text.Length)
        {
            var groupStart = i;
            var groupDigits = 0;
            var upper = true;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]) && i - groupStart < 14)
            {
                groupDigits += char.IsAsciiDigit(text[i]) ? 1 : 0;
                upper &= !char.IsAsciiLetterLower(text[i]);
                i++;
            }

            var length = i - groupStart;
            if (length == 0 || (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '[' or '@' or '_')))
            {
                break;
            }

            var joinedByDash = groupStart > at && text[groupStart - 1] is '-' or '–' or '/';
            var endsValue = i == text.Length || text[i] is '.' or ',' or ';' or '!' or '?' or ')' or '\n' or '\r';
            var letterGroupJoins = joinedByDash || ((groups == 0 || plate) && !IsWordInCapitals(text, groupStart, i))
                || (groups > 0 && endsValue && text.AsSpan(groupStart, length) is not ("I" or "OK"));
            if (groupDigits == 0 && !(upper && length <= 4 && letterGroupJoins))
            {
                break;
            }

            digits += groupDigits;
            letters += length - groupDigits;
            groups++;
            end = i;
            if (i + 1 >= text.Length || text[i] is not (' ' or '-' or '–' or '/') || !char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                break;
            }

            i++;
        }

        var enough = plate ? digits >= 1 && letters >= 1 && digits + letters is >= 4 and <= 9
            : digits >= 4 || (marked && groups == 1 && digits >= 2 && letters >= 1 && char.IsAsciiLetter(text[at]) && end - at >= 4);
        return enough && groups > 0 ? new Detected(at, end - at, RedactionKind.IdNumber) : null;
    }

    /// <summary>"I", "A", "OK" and the like, in capitals, are words, not part of an id.</summary>
    private static bool IsWordInCapitals(string text, int start, int end) =>
        end - start <= 2 && text.AsSpan(start, end - start) is "I" or "A" or "OK" or "IS" or "MY" or "IT" or "IN" or "ON" or "AT" or "TO" or "OR" or "SO" or "NO";
}
