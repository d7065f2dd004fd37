using System.Buffers;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace FaqBot.Core.Privacy;

/// <summary>Phone numbers in every country's format, checked with libphonenumber:
/// <list type="bullet">
/// <item>North American numbers with or without +1, brackets and separators (ten or eleven digits,
/// or seven with a dash or dot), as before;</item>
/// <item>international numbers (<c>+44 7700 900461</c>, <c>0044 ...</c>, <c>011 ...</c>) that are a
/// possible number for their country code;</item>
/// <item>national numbers written with their trunk 0 (<c>07700 900461</c>, <c>06 12 34 56 78</c>)
/// that are valid for one of <see cref="RedactionOptions.PhoneRegions"/>, and mobile numbers of ten
/// digits or more written without it (<c>98450 12345</c>, <c>138 0013 8000</c>);</item>
/// <item>after a phone cue ("mobile", "call", "text me", "whatsapp", ...) any number that is a
/// possible one for those regions, also in words ("five oh three, five five five, ...");</item>
/// <item>seven digits or more spelled out digit by digit ("five five five, oh one eight two",
/// "07700 nine hundred, two seven three"), cue or not: no other number is written so;</item>
/// <item>an area code given alone ("area code 443"), and a number given in two parts after a cue
/// ("text me at 617 555 — sorry, sent too early — 0149"): the first part has five to nine digits,
/// the second, within <see cref="SecondPartWindow"/> characters, makes a possible number of ten or
/// eleven digits of it.</item>
/// </list>
/// Each may carry an extension. Dates, times, prices, doses and ranges are no phone numbers; at
/// most <see cref="MaxChecked"/> runs of one text are checked with the library, longer runs after
/// that are taken as numbers, so that the work stays bounded.</summary>
internal sealed class PhoneDetector
{
    /// <summary>Runs checked against the metadata per text; a message holds a few at most.</summary>
    private const int MaxChecked = 64;

    /// <summary>How far before a number a cue word counts.</summary>
    private const int CueWindow = 40;

    /// <summary>How far after the first part of a number its second part can start.</summary>
    private const int SecondPartWindow = 60;

    /// <summary>A run with at least this many digit words is a number spelled out digit by digit.</summary>
    private const int SpelledWords = 4;

    private const string Sep = @"[ .\-\u00A0]?";
    private const string Extension = @"(?:[ \t]*,?[ \t]*(?i:x|ext\.?|extension|ex\.|durchwahl|poste)[ \t]*\d{1,6})?";
    private const string NotRunningOn = @"(?![\w\[])";
    private const string Units = @"(?![ \t]*(?i:mg|mcg|ml|cc|g|kg|lbs?|units?|iu|%|percent|dollars?|usd|euros?|pounds?|miles?|mi|km|minutes?|mins?|hours?|hrs?|days?|weeks?|feet|ft|steps|calories|people|patients|times)(?![\w\-@\[]))";

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    private static readonly Regex NorthAmerican = RedactionPatterns.Create(
        @"(?<![\w\]$+])(?:\+?1" + Sep + @")?(?:\([ ]?[2-9]\d{2}[ ]?\)|[2-9]\d{2})" + SpacedSep + @"\d{3}" + SpacedSep + @"\d{4}" + Extension + NotRunningOn);

    /// <summary>A separator, also a dot or dash with a space either side ("555 . 018 . 2277").</summary>
    private const string SpacedSep = @"(?:[ \t][.\-][ \t]|" + Sep + ")";

    /// <summary>Seven digits with a dash or dot, unless both halves are round ("200-2000": a range).</summary>
    private static readonly Regex Local = RedactionPatterns.Create(
        @"(?<![\w\]$+.\-/])(?!\d00[.\-]\d\d00)[2-9]\d{2}[.\-]\d{4}" + Extension + NotRunningOn + Units);

    /// <summary>What may follow a number: an extension, then no unit.</summary>
    private static readonly Regex After = RedactionPatterns.Create(@"\G" + Extension + Units);

    /// <summary>Day, month and year with the same separator ("08.02.2001", "15-08-83"), or an IP address.</summary>
    private static readonly Regex DateShape = RedactionPatterns.Create(
        @"^(?:\d{1,2}(?<s>[.\-/ ])\d{1,2}\k<s>(?:\d{2}|\d{4})|\d{4}(?<t>[.\-/])\d{1,2}\k<t>\d{1,2}|\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$");

    /// <summary>An area code given alone, not followed by the rest of the number (that is read as a whole).</summary>
    private static readonly Regex AreaCode = RedactionPatterns.Create(
        @"(?i:\b(?:area|std|dialling|dialing|city)[ \t]+code)[ \t]*(?:is[ \t]+)?[:\-]?[ \t]*(?<v>\(?\d{2,5}\)?)(?![\w\[]|[ .\-]?\d)");

    /// <summary>The first part of a number right after a phone cue ("my cell is", "my cell starts with"): two to four digits in one to
    /// three groups (five to nine in all, checked in code), not a time ("call me at 12:30") and not
    /// running on into more digits.</summary>
    private static readonly Regex FirstPart = RedactionPatterns.Create(
        @"(?i:\b(?:(?:text|call|ring|reach|whatsapp|message|phone)[ \t]+(?:me|us|her|him)[ \t]+(?:at|on)|my[ \t]+(?:number|cell|mobile|phone)(?:[ \t]+(?:number|no\.?))?[ \t]*(?:is|:|-|(?:starts|begins)[ \t]+with)"
        + @"|(?:phone|cell|mobile|tel|telephone|whatsapp)(?:[ \t]+(?:number|no\.?|\#))?[ \t]*(?:is|:|-)))[ \t]*"
        + @"(?<v>\(?\d{2,4}\)?(?:[ .\-]\d{2,4}){0,2})(?![\w\[:]|[ .\-]?\d|[ \t]*(?i:am|pm|a\.m|p\.m)\b)");

    /// <summary>A group of two to five digits standing alone: the second part of a number.</summary>
    private static readonly Regex SecondPart = RedactionPatterns.Create(@"(?<![\w\[$£€#.,/:])\d{2,5}(?![\w\[:%]|[ .\-,]?\d)" + Units);

    private static readonly SearchValues<string> Cues = SearchValues.Create(
        ["phone", "mobile", "cell", "tel", "call", "text", "number", "whatsapp", "reach", "contact", "fax", "landline", "line",
         "ring", "sms", "viber", "signal", "wechat", "telegram", "móvil", "movil", "portable", "handy", "telefon", "telefone",
         "teléfono", "celular", "cel ", "numero", "número", "nummer", "rückruf"],
        StringComparison.OrdinalIgnoreCase);

    private readonly string[] _regions;

    public PhoneDetector(IEnumerable<string> regions)
    {
        _regions = [.. regions.Select(r => r.ToUpperInvariant()).Distinct()];
        Finder = new DetailFinder(RedactionKind.Phone, Find, [NorthAmerican, Local, After, DateShape, AreaCode, FirstPart, SecondPart]);
    }

    public DetailFinder Finder { get; }

    /// <summary>Whether libphonenumber knows the region code (checked when options are validated).</summary>
    public static bool IsKnownRegion(string region) => Numbers.GetSupportedRegions().Contains(region.ToUpperInvariant());

    public void Find(string text, List<Detected> found)
    {
        var hasDigits = RedactionPatterns.HasDigits(text, 7);
        if (hasDigits)
        {
            RedactionPatterns.AddAll(NorthAmerican, text, RedactionKind.Phone, found);
            RedactionPatterns.AddAll(Local, text, RedactionKind.Phone, found);
        }

        var northAmerican = found.Count;
        var checkedRuns = 0;
        foreach (var run in DigitRuns.Find(text, 7))
        {
            // A North American number found above is not checked again (the library is the costly part).
            if ((run.Words > 0 && run.Words < 3) || (!run.Plus && Covered(found, northAmerican, run)))
            {
                continue;
            }

            var cued = HasCue(text, run.Start);
            var spelled = run.Words >= SpelledWords && run.Digits.Length <= 15;
            var end = spelled ? run.End : checkedRuns++ < MaxChecked ? PhoneEnd(text, run, cued) : run.Digits.Length >= 10 ? run.End : -1;
            if (end > 0)
            {
                var extension = After.Match(text, end);
                if (extension.Success)
                {
                    found.Add(new Detected(run.Start, end + extension.Length - run.Start, RedactionKind.Phone));
                }
            }
        }

        if (RedactionPatterns.HasDigits(text, 2))
        {
            RedactionPatterns.AddAll(AreaCode, text, RedactionKind.Phone, found);
        }

        if (RedactionPatterns.HasDigits(text, 5))
        {
            FindInParts(text, found);
        }
    }

    /// <summary>A number given in parts after a cue: the first part, and the second when it makes a
    /// possible number of the first; the first alone when none does (it still says where the
    /// writer can be reached).</summary>
    private void FindInParts(string text, List<Detected> found)
    {
        var parts = 0;
        for (var first = FirstPart.Match(text); first.Success && parts++ < MaxChecked; first = first.NextMatch())
        {
            var value = first.Groups["v"];
            var digits = new string([.. value.ValueSpan.ToArray().Where(char.IsAsciiDigit)]);
            if (digits.Length is < 5 or > 9)
            {
                continue;
            }

            found.Add(new Detected(value.Index, value.Length, RedactionKind.Phone));
            var from = value.Index + value.Length;
            var second = SecondPart.Match(text, from, Math.Min(SecondPartWindow, text.Length - from));
            if (second.Success && (digits.Length + second.Length) is 10 or 11 && IsNational(digits + second.Value, cued: true))
            {
                found.Add(new Detected(second.Index, second.Length, RedactionKind.Phone));
            }
        }
    }

    private static bool Covered(List<Detected> found, int count, DigitRun run)
    {
        for (var i = count - 1; i >= 0 && found[i].Kind == RedactionKind.Phone; i--)
        {
            if (found[i].Start <= run.Start && found[i].End >= run.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the phone number that starts the run ends, or -1: the whole run, or for an
    /// international number the longest run of whole groups that is one ("+44 20 7946 0958 555-201-7789").</summary>
    private int PhoneEnd(string text, DigitRun run, bool cued)
    {
        if (DateShape.IsMatch(text.AsSpan(run.Start, run.End - run.Start)))
        {
            return -1;
        }

        var international = run.Plus || (run.Digits.StartsWith("00", StringComparison.Ordinal) && !run.Digits.StartsWith("000", StringComparison.Ordinal))
            || (run.Digits.StartsWith("011", StringComparison.Ordinal) && run.Digits.Length > 11);
        if (!international)
        {
            return run.Digits.Length <= 15 && IsNational(run.Digits, cued) ? run.End : -1;
        }

        var prefix = run.Plus ? 0 : run.Digits.StartsWith("00", StringComparison.Ordinal) ? 2 : 3;
        var whole = run.Digits[prefix..];
        if (whole.Length is >= 8 and <= 15 && HasCountryCode(whole))
        {
            return run.End;
        }

        for (var g = run.Groups.Count - 1; g >= 0; g--)
        {
            var digits = run.Digits[prefix..run.Groups[g].Digits];
            if (digits.Length < 7)
            {
                break;
            }

            if (digits.Length <= 15 && IsInternational(digits))
            {
                return run.Groups[g].End;
            }
        }

        return -1;
    }

    /// <summary>Whether the digits start with a country calling code in use (a whole run of 8 to 15
    /// digits after one is a number even where the metadata does not know its range, "+52 1 55 ...").</summary>
    private static bool HasCountryCode(string digits)
    {
        for (var length = 1; length <= 3 && length < digits.Length; length++)
        {
            if (Numbers.GetRegionCodeForCountryCode(int.Parse(digits.AsSpan(0, length), System.Globalization.CultureInfo.InvariantCulture)) != "ZZ")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInternational(string digits)
    {
        try
        {
            var number = Numbers.Parse("+" + digits, "ZZ");
            return Numbers.IsPossibleNumber(number);
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>Valid for a region with its trunk 0; a mobile number of ten digits or more without
    /// it; or, after a cue, a possible number for a region.</summary>
    private bool IsNational(string digits, bool cued)
    {
        var trunk = digits[0] == '0';
        foreach (var region in _regions)
        {
            PhoneNumber number;
            try
            {
                number = Numbers.Parse(digits, region);
            }
            catch (NumberParseException)
            {
                continue;
            }

            if (trunk || digits.Length >= 10)
            {
                if (Numbers.IsValidNumberForRegion(number, region)
                    && (trunk || Numbers.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
                {
                    return true;
                }
            }

            if (cued && Numbers.IsPossibleNumber(number))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A cue word in the text before <paramref name="start"/>, placeholders left out (the
    /// "number" of "[card number]" is no phone cue).</summary>
    private static bool HasCue(string text, int start)
    {
        var window = text.AsSpan(Math.Max(0, start - CueWindow), Math.Min(start, CueWindow));
        var closed = window.LastIndexOf(']');
        if (closed >= 0)
        {
            window = window[(closed + 1)..];
        }

        return window.ContainsAny(Cues);
    }
}
