using System.Globalization;
using System.Text;

namespace FaqBot.Core.Tests.TestSupport;

/// <summary>Untrusted text for property tests: pieces drawn from pools of what patients and attackers
/// send (clinic words, digits, punctuation, any UTF-16 unit including lone surrogates, noncharacters,
/// combining marks, zero-width and right-to-left marks, emoji, long single words of 300 to 20,000
/// characters, repetitions such as <c>kms</c> × 5,000). A failing case shrinks by dropping pieces and
/// halving long ones, and prints each piece escaped, a repetition as <c>"kms"×5000</c>.</summary>
internal sealed record HostileText(IReadOnlyList<string> Pieces)
{
    /// <summary>The longest message the properties send: what the host accepts from a patient.</summary>
    public const int MaxLength = 20_000;

    private static readonly string[] Words =
    [
        "how", "long", "does", "the", "infusion", "take", "can", "i", "drive", "home", "after", "my", "what", "to", "wear",
        "is", "it", "safe", "ketamine", "dose", "mg", "pills", "not", "but", "also", "suicidal", "kill", "myself", "kms",
        "overdose", "took", "chest", "pain", "breathe", "sucidal", "k1ll", "diiiie", "booking", "parking", "Grace", "Monday",
    ];

    private static readonly string[] Marks =
    [
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", // zero-width
        "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", // direction
        "\u0301", "\u0308", "\u0338", "\u20DD", "\u0489", // combining
        "\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF", "\U0001FFFE", "\U0010FFFF", // noncharacters
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", // lone surrogates
    ];

    private static readonly string[] Symbols =
    [
        "💊", "🔪", "☠️", "💀", "👍🏽", "👨‍👩‍👧", "🇺🇸", "ｓｕｉｃｉｄａｌ", "ﬁ", "①", "٣", "۵", "שלום", "مرحبا", "日本語", "İ", "ß", "ǅ",
    ];

    private static readonly string[] Units = ["kms", "kms ", "1234567890", "a", "ab", "\uFFFE", "💊", "k\u200Bm\u200Bs", "ha", "x.", "9"];

    /// <summary>Any text made of the pools; <paramref name="extra"/> adds pools of the caller's (known details).</summary>
    public static Arbitrary<HostileText> Arbitrary(params Gen<string>[] extra) => Arb.From(Generator(extra), Shrink);

    /// <summary>A short piece of text with no long words or repetitions: noise for around a sentence.</summary>
    public static Gen<string> Piece(params Gen<string>[] extra) => Gen.Frequency(
        [
            (6, Gen.Elements(Words)),
            (3, Gen.Choose(0, int.MaxValue).Select(n => n.ToString(CultureInfo.InvariantCulture))),
            (4, Gen.Elements(" ", " ", "  ", "\n", "\r\n", "\t", ".", ",", "!", "?", ";", ":", "'", "’", "*", "@", "$", "-", "/", "...", "\0")),
            (3, Gen.Elements(Marks)),
            (2, Gen.Elements(Symbols)),
            (3, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())),
            .. extra.Select(gen => (3, gen)),
        ]);

    /// <summary>One unknown word of 300 to 20,000 characters: letters, digits, or a mix.</summary>
    public static Gen<string> LongWord() =>
        from length in Gen.Choose(300, MaxLength)
        from alphabet in Gen.Elements("abcdefghijklmnopqrstuvwxyz", "0123456789", "abc123", "qwertyuiopasdfghjklzxcvbnm0123456789", "é\u0301ü")
        from seed in Gen.Choose(0, int.MaxValue)
        select Word(length, alphabet, seed);

    /// <summary>A short unit repeated until the piece is 300 to 20,000 characters long.</summary>
    public static Gen<string> Repetition() =>
        from unit in Gen.Elements(Units)
        from length in Gen.Choose(300, MaxLength)
        select string.Concat(Enumerable.Repeat(unit, Math.Max(1, length / unit.Length)));

    public string Text => string.Concat(Pieces);

    public override string ToString() =>
        $"{Text.Length} chars: " + string.Join(" + ", Pieces.Select(Describe));

    /// <summary>A readable, replayable form of a piece: a repetition as unit × count, other
    /// characters outside printable ASCII as \uXXXX, long pieces cut.</summary>
    public static string Describe(string piece)
    {
        foreach (var unit in Units.Where(u => piece.Length >= 2 * u.Length))
        {
            if (piece.Length % unit.Length == 0 && piece == string.Concat(Enumerable.Repeat(unit, piece.Length / unit.Length)))
            {
                return $"\"{Escape(unit)}\"×{piece.Length / unit.Length}";
            }
        }

        return piece.Length <= 60 ? $"\"{Escape(piece)}\"" : $"\"{Escape(piece[..40])}…\"({piece.Length} chars)";
    }

    private static Gen<HostileText> Generator(Gen<string>[] extra) =>
        Gen.Sized(size =>
            from count in Gen.Choose(0, 2 + size / 4)
            from pieces in Gen.Frequency(
                (20, Piece(extra)),
                (1, LongWord()),
                (1, Repetition())).ListOf(count)
            select new HostileText(Bounded(pieces)));

    /// <summary>Keeps the text within <see cref="MaxLength"/>: pieces past it are dropped, the last one cut.</summary>
    private static List<string> Bounded(IEnumerable<string> pieces)
    {
        var kept = new List<string>();
        var length = 0;
        foreach (var piece in pieces)
        {
            var room = MaxLength - length;
            if (room <= 0)
            {
                break;
            }

            kept.Add(piece.Length <= room ? piece : piece[..room]);
            length += kept[^1].Length;
        }

        return kept;
    }

    /// <summary>Drops half the pieces, then one piece at a time, then halves each long piece.</summary>
    private static IEnumerable<HostileText> Shrink(HostileText value)
    {
        var pieces = value.Pieces;
        if (pieces.Count > 1)
        {
            yield return new HostileText([.. pieces.Take(pieces.Count / 2)]);
            yield return new HostileText([.. pieces.Skip(pieces.Count / 2)]);
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            yield return new HostileText([.. pieces.Where((_, j) => j != i)]);
        }

        for (var i = 0; i < pieces.Count; i++)
        {
            if (pieces[i].Length > 1)
            {
                var half = pieces[i][..(pieces[i].Length / 2)];
                yield return new HostileText([.. pieces.Select((p, j) => j == i ? half : p)]);
            }
        }
    }

    private static string Word(int length, string alphabet, int seed)
    {
        var random = new Random(seed);
        var word = new StringBuilder(length);
        while (word.Length < length)
        {
            word.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return word.ToString();
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return escaped.ToString();
    }
}
