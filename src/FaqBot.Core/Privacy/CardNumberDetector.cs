using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Payment card details. Card numbers: 13 to 19 digits, run together or in the printed
/// groups (4-4-4-4, 4-4-4-4-3, 4-6-5), that pass the Luhn check, or right after a card cue
/// ("card", "Visa", "cartão", ...) whatever the check says (a mistyped card is still a card).
/// Next to another number, the card is looked for without the trailing group and from the next
/// group on. Expiry dates after an expiry cue ("exp 04/26", "valid thru 0828", "validade 07/29")
/// near a card cue or number, and security codes after their cue ("CVV 381", "security code 419", "cid 1234");
/// an expiry date and a code listed right after the number ("4716 2045 8871 3309, 11/26, 044"); the
/// last four digits named as such near a card cue ("Visa ending in 4821").</summary>
internal static class CardNumberDetector
{
    /// <summary>How far before a card number, or an expiry date, a card cue or number counts.</summary>
    private const int CueWindow = 80;

    /// <summary>How far before "ending in 4821" the card it belongs to is named.</summary>
    private const int LastDigitsCueWindow = 32;

    private static readonly Regex CardCue = RedactionPatterns.Create(
        @"(?i)(?<![\w\[])(?:cards?|cart[aã]o|tarjeta|carte|karte|visa|master[ \t]?card|amex|american[ \t]+express|discover|debit|credit|cc|cvv2?|cvc2?|security[ \t]+code)(?!\w)");

    private static readonly Regex Expiry = RedactionPatterns.Create(
        @"(?i)(?<![\w\[])(?:exp(?:iry|iration|ires|ire|\.)?(?:[ \t]+date)?|valid[ \t]+(?:thru|through|until|till|to)|good[ \t]+thru|validade|vencimiento|caducidad|vence"
        + @"|ablauf(?:datum)?|g[uü]ltig[ \t]+bis|date[ \t]+d['’]expiration)[ \t]*(?:is[ \t]+)?[:\-]?[ \t]*"
        + @"(?<v>(?:0?[1-9]|1[0-2])[ \t]?[/\-.][ \t]?(?:20)?\d{2}|(?:0[1-9]|1[0-2])\d{2})(?![\w\[]|[/\-.]\d)");

    private static readonly Regex SecurityCode = RedactionPatterns.Create(
        @"(?i)(?<![\w\[])(?:cvv2?|cvc2?|csc|cvn|cid|security[ \t]+code|sec[ \t]+code|card[ \t]+code|c[oó]digo[ \t]+de[ \t]+seguran[cç]a|c[oó]digo[ \t]+de[ \t]+seguridad"
        + @"|kartenpr[uü]fnummer|cryptogramme)(?![a-z])[ \t]*(?:(?:is|was|es|é)[ \t]+|[:\#\-][ \t]*)?(?<v>\d{3,4})(?![\w\[])");

    /// <summary>What follows a card number in a list, as written on the card: its expiry date, then
    /// perhaps its security code ("4716 2045 8871 3309, 11/26, 044").</summary>
    private static readonly Regex Tail = RedactionPatterns.Create(
        @"\G(?:[ \t]*[,;|][ \t]*|[ \t]+)(?<e>(?:0?[1-9]|1[0-2])[ \t]?/[ \t]?(?:20)?\d{2})(?![\w\[]|/\d)"
        + @"(?:(?:[ \t]*[,;|][ \t]*|[ \t]+)(?<c>\d{3,4})(?![\w\[]|[/.:,]\d))?");

    /// <summary>The last digits of a card, named as such ("ending in 4821", "last four: 0005").</summary>
    private static readonly Regex LastDigits = RedactionPatterns.Create(
        @"(?i)(?<![\w\[])(?:ending(?:[ \t]+(?:in|with))?|ends[ \t]+(?:in|with)|last[ \t]+(?:four|4)(?:[ \t]+digits)?(?:[ \t]+(?:are|is))?)[ \t]*[:\-]?[ \t]*(?<v>\d{4})(?![\w\[]|[ \-/.,]\d)");

    private static readonly Regex Candidate = RedactionPatterns.Create(
        @"(?<![\w\]$.\-])(?:\d{13,19}|\d{4}(?<s>[ \-])\d{4}\k<s>\d{4}\k<s>\d{1,4}(?:\k<s>\d{1,3})?|\d{4}(?<t>[ \-])\d{6}\k<t>\d{4,5})(?![\w\[])");

    public static DetailFinder Finder { get; } = new(RedactionKind.CardNumber, Find, [Candidate, CardCue, Expiry, SecurityCode, Tail, LastDigits]);

    public static void Find(string text, List<Detected> found)
    {
        if (!RedactionPatterns.HasDigits(text, 3))
        {
            return;
        }

        RedactionPatterns.AddAll(SecurityCode, text, RedactionKind.CardNumber, found);
        if (!RedactionPatterns.HasDigits(text, 13) && !CardCue.IsMatch(text))
        {
            return;
        }

        for (var match = Expiry.Match(text); match.Success; match = match.NextMatch())
        {
            if (AboutACard(text, match.Index))
            {
                var value = match.Groups["v"];
                found.Add(new Detected(value.Index, value.Length, RedactionKind.CardNumber));
            }
        }

        // The last digits belong to the card named just before them ("my Visa ending in 4821").
        for (var match = LastDigits.Match(text); match.Success; match = match.NextMatch())
        {
            var from = Math.Max(0, match.Index - LastDigitsCueWindow);
            if (CardCue.IsMatch(text.AsSpan(from, match.Index - from)))
            {
                var value = match.Groups["v"];
                found.Add(new Detected(value.Index, value.Length, RedactionKind.CardNumber));
            }
        }

        if (!RedactionPatterns.HasDigits(text, 13))
        {
            return;
        }

        for (var match = Candidate.Match(text); match.Success;)
        {
            var value = match.ValueSpan;
            var lastSeparator = value.LastIndexOfAny(' ', '-');
            var cued = CardCue.IsMatch(text.AsSpan(Math.Max(0, match.Index - CueWindow), Math.Min(match.Index, CueWindow)));
            var length = IsCard(value, cued) ? value.Length
                : lastSeparator > 0 && IsCard(value[..lastSeparator], cued) ? lastSeparator
                : 0;
            if (length > 0)
            {
                found.Add(new Detected(match.Index, length, RedactionKind.CardNumber));
                AddTail(text, match.Index + length, found);
                match = match.NextMatch();
                continue;
            }

            // Not a card: the card may start at the next group ("0958 4111 1111 1111 1111").
            var firstSeparator = value.IndexOfAny(' ', '-');
            match = firstSeparator > 0 ? Candidate.Match(text, match.Index + firstSeparator + 1) : match.NextMatch();
        }
    }

    /// <summary>The expiry date and security code written right after a card number ending at <paramref name="at"/>.</summary>
    private static void AddTail(string text, int at, List<Detected> found)
    {
        var tail = Tail.Match(text, at);
        if (!tail.Success)
        {
            return;
        }

        foreach (var name in (ReadOnlySpan<string>)["e", "c"])
        {
            var part = tail.Groups[name];
            if (part.Success)
            {
                found.Add(new Detected(part.Index, part.Length, RedactionKind.CardNumber));
            }
        }
    }

    /// <summary>A card cue, or a long number, in the text around <paramref name="at"/>.</summary>
    private static bool AboutACard(string text, int at)
    {
        var from = Math.Max(0, at - CueWindow);
        var around = text.AsSpan(from, Math.Min(text.Length, at + CueWindow) - from);
        return CardCue.IsMatch(around) || RedactionPatterns.HasDigits(around.ToString(), 13);
    }

    private static bool IsCard(ReadOnlySpan<char> value, bool cued)
    {
        var digits = RedactionPatterns.CountDigits(value);
        return digits is >= 13 and <= 19 && (cued ? digits is 15 or 16 : PassesLuhn(value));
    }

    /// <summary>From the rightmost digit, every second digit is doubled (less 9 when over 9); the
    /// sum of all digits must end in 0. Separators are skipped.</summary>
    internal static bool PassesLuhn(ReadOnlySpan<char> value)
    {
        var sum = 0;
        var doubled = false;
        for (var i = value.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                continue;
            }

            var digit = value[i] - '0';
            if (doubled)
            {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }
}
