using System.Text;

namespace FaqBot.Bench;

/// <summary>What a 20,000-character message can hold: one endless unknown word, a risk phrase
/// repeated in one clause or in thousands, Unicode the normaliser must survive, ordinary words,
/// personal details, and a logistics question buried in a denial repeated many times.</summary>
public enum LongMessage
{
    DigitsWord,
    KmsWord,
    KmsSpaced,
    KmsClauses,
    UnicodeNoise,
    RandomWords,
    Numbers,
    DenialsThenQuestion,
    PersonalDetails,
    HyphenatedName,
}

internal static class LongMessages
{
    public const int Length = 20_000;

    /// <summary>The message of that kind, exactly <see cref="Length"/> characters (a surrogate pair
    /// is never cut), the same on every run (fixed seed).</summary>
    public static string Make(LongMessage kind)
    {
        var random = new Random(20261206);
        var text = kind switch
        {
            LongMessage.DigitsWord => Repeat("1234567890"),
            LongMessage.KmsWord => Repeat("kms"),
            LongMessage.KmsSpaced => Repeat("kms "),
            LongMessage.KmsClauses => Repeat("kms, "),
            LongMessage.UnicodeNoise => Build(random, r => Pick(r, Noise)),
            LongMessage.RandomWords => Build(random, r => Pick(r, Words) + (r.Next(8) == 0 ? ". " : " ")),
            LongMessage.Numbers => Build(random, r => r.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) + Pick(r, [" ", "-", ", ", "/"])),
            LongMessage.DenialsThenQuestion => Repeat("I'm not suicidal, ")[..(Length - 40)] + " can I drive home after my infusion?",
            LongMessage.PersonalDetails => Build(random, r => Pick(r, Details) + " "),
            LongMessage.HyphenatedName => "Hi, I am al-" + Repeat("Al-"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return Cut(text);
    }

    private static readonly string[] Noise =
    [
        "\uFFFE", "\uFFFF", "\uFDD0", "\uD800", "\uDC00", "\u200B", "\u200D", "\u202E", "\u0301", "\u0336", "\uD83D\uDE00",
        "\uD83D\uDC80", "\u0627\u0644\u0645", "\u4E2D\u6587", "k", "m", "s", "1", "@", "$", "*", " ", ",", ".", "\n",
    ];

    private static readonly string[] Words =
    [
        "infusion", "drive", "home", "pills", "die", "tired", "parking", "insurance", "ketamine", "nurse", "dose", "my",
        "the", "and", "can", "I", "kill", "time", "appointment", "Priya", "Raghunathan", "call", "555-201-7789", "hurt",
        "bleeding", "chest", "wear", "bring", "sister", "xanax", "mg", "100", "lol", "fr", "kms", "tbh", "ok",
    ];

    /// <summary>Sentences dense with what the redactor looks for, in many shapes.</summary>
    private static readonly string[] Details =
    [
        "Hi, my name is Maria Lopez and my husband Tomasz Wiśniewski will drive.", "Thanks, Priya Raghunathan", "Evelyn Marchetti here.",
        "call me at +44 7700 900461 or (555) 201-7789,", "five five five two zero one seven seven eight nine", "jane dot doe at example dot com",
        "DOB 03/14/1985, member ID W284619037, MRN 00451287.", "14 Pembroke Street Upper, Dublin 2, D02 X285", "1-2-3 Shibuya, Shibuya-ku, Tokyo 150-0002",
        "card 4111 1111 1111 1111 exp 09/27 cvv 123", "my username is moonchild_84,", "from 2001:db8:85a3::8a2e:370:7334", "plate KX19 BTE",
        "ul. Marszałkowska 84/92 m. 15, 00-514 Warszawa", "born twenty-first of July nineteen seventy", "xoxo jen", "ivan & olga petrov here",
    ];

    private static string Repeat(string piece) => string.Concat(Enumerable.Repeat(piece, Length / piece.Length + 1));

    private static string Build(Random random, Func<Random, string> next)
    {
        var text = new StringBuilder(Length + 64);
        while (text.Length < Length)
        {
            text.Append(next(random));
        }

        return text.ToString();
    }

    private static string Pick(Random random, string[] from) => from[random.Next(from.Length)];

    private static string Cut(string text)
    {
        var end = Math.Min(Length, text.Length);
        if (end < text.Length && char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[..end];
    }
}
