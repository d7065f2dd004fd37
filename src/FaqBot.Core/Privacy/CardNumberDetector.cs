using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Payment card numbers: 13 to 19 digits, run together or in the printed groups (4-4-4-4,
/// 4-4-4-4-3, 4-6-5), that pass the Luhn check. Next to another number, the card is looked for
/// without the trailing group and from the next group on.</summary>
internal static class CardNumberDetector
{
    private static readonly Regex Candidate = RedactionPatterns.Create(
        @"(?<![\w\]$.\-])(?:\d{13,19}|\d{4}(?<s>[ \-])\d{4}\k<s>\d{4}\k<s>\d{1,4}(?:\k<s>\d{1,3})?|\d{4}(?<t>[ \-])\d{6}\k<t>\d{4,5})(?![\w\[])");

    public static DetailFinder Finder { get; } = new(RedactionKind.CardNumber, Find, [Candidate]);

    public static void Find(string text, List<Detected> found)
    {
        if (!RedactionPatterns.HasDigits(text, 13))
        {
            return;
        }

        for (var match = Candidate.Match(text); match.Success;)
        {
            var value = match.ValueSpan;
            var lastSeparator = value.LastIndexOfAny(' ', '-');
            var length = IsCard(value) ? value.Length
                : lastSeparator > 0 && IsCard(value[..lastSeparator]) ? lastSeparator
                : 0;
            if (length > 0)
            {
                found.Add(new Detected(match.Index, length, RedactionKind.CardNumber));
                match = match.NextMatch();
                continue;
            }

            // Not a card: the card may start at the next group ("0958 4111 1111 1111 1111").
            var firstSeparator = value.IndexOfAny(' ', '-');
            match = firstSeparator > 0 ? Candidate.Match(text, match.Index + firstSeparator + 1) : match.NextMatch();
        }
    }

    private static bool IsCard(ReadOnlySpan<char> value)
    {
        var digits = RedactionPatterns.CountDigits(value);
        return digits is >= 13 and <= 19 && PassesLuhn(value);
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
