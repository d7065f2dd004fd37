using System.Globalization;
using System.Text;

namespace FaqBot.Fuzz.Generators;

/// <summary>Hostile values every endpoint family draws from: text (surrogates, noncharacters,
/// marks, emoji, long words), JSON values that break readers (lone surrogate escapes, nulls in
/// arrays, deep nesting, numbers and dates out of range), ids and dates.</summary>
internal static class Hostile
{
    public const int LongestMessage = 20_000;

    private static readonly string[] Oddities =
    [
        "\uFFFE", "\uFFFF", "\uFDD0", "\U0010FFFF", "\u200B", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u202E", "\u2067", "\u200F",
        "\u0301\u0301\u0301", "💊", "👨‍👩‍👧", "🇺🇸", "ｓｕｉｃｉｄａｌ", "ﬁ", "שלום", "مرحبا", "日本語", "İ", "\0", "\u0085", "\u2028",
        "<script>alert(1)</script>", "'; DROP TABLE conversations; --", "=HYPERLINK(\"http://x\")", "../../etc/passwd", "%00", "{{7*7}}", "${jndi:x}",
    ];

    /// <summary>A short string of anything, lone surrogates included.</summary>
    public static string Text(Random random, int maxLength = 40) => Fill(random, random.Next(maxLength + 1));

    /// <summary>Exactly <paramref name="length"/> characters of anything.</summary>
    public static string Fill(Random random, int length)
    {
        var text = new StringBuilder(length + 40);
        while (text.Length < length)
        {
            text.Append(random.Next(4) switch
            {
                0 => Oddities[random.Next(Oddities.Length)],
                1 => ((char)random.Next(0x10000)).ToString(),
                2 => random.Next().ToString(CultureInfo.InvariantCulture),
                _ => "how long does the infusion take "[..random.Next(1, 32)],
            });
        }

        return text.ToString(0, length);
    }

    /// <summary>A string of exactly <paramref name="length"/> characters drawn from <paramref name="alphabet"/>.</summary>
    public static string Word(Random random, int length, string alphabet)
    {
        var word = new StringBuilder(length);
        while (word.Length < length)
        {
            word.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return word.ToString();
    }

    public static string Repeat(string unit, int length) =>
        new StringBuilder(length + unit.Length).Insert(0, unit, (length + unit.Length - 1) / unit.Length).ToString(0, length);

    /// <summary>An id: ordinary, empty, huge, with slashes, dots, encoded slashes or anything.</summary>
    public static string Id(Random random) => random.Next(10) switch
    {
        0 => "",
        1 => Word(random, random.Next(100, 3_000), "abcdef0123456789"),
        2 => "../../appsettings.json",
        3 => "a/b",
        4 => "%2e%2e%2f%2e%2e%2fappsettings.json",
        5 => "con",
        6 => Text(random, 20),
        7 => "-1",
        8 => "9223372036854775808",
        _ => Word(random, 12, "abcdefghijklmnopqrstuvwxyz-"),
    };

    /// <summary>A day as staff filters send it: valid, at the ends of the calendar, impossible or not a date.</summary>
    public static string Day(Random random) => random.Next(12) switch
    {
        0 => "9999-12-31",
        1 => "0001-01-01",
        2 => "2024-02-30",
        3 => "2024-13-01",
        4 => "99999-01-01",
        5 => "",
        6 => "yesterday",
        7 => "2025-01-01T00:00:00Z",
        8 => Text(random, 12),
        9 => "1970-01-01",
        _ => DateTime.UtcNow.AddDays(-random.Next(60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>A number as a query or form field: in range, negative, past 32 and 64 bits, not a number.</summary>
    public static string Number(Random random) => random.Next(10) switch
    {
        0 => "-1",
        1 => "0",
        2 => "2147483647",
        3 => "2147483648",
        4 => "4294967296",
        5 => "9223372036854775808",
        6 => "1e309",
        7 => "NaN",
        8 => Word(random, random.Next(20, 2_000), "0123456789"),
        _ => random.Next(1, 50).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A JSON value that readers trip on, written as JSON text.</summary>
    public static string JsonValue(Random random) => random.Next(18) switch
    {
        0 => "\"\\ud800\"",
        1 => "\"a\\udc00b\"",
        2 => "{\"text\":\"\\ud83d\"}",
        3 => "null",
        4 => "[null]",
        5 => "[null,{},null]",
        6 => "1e309",
        7 => "-9223372036854775809",
        8 => "\"9999-12-31T23:59:59.9999999+14:00\"",
        9 => "\"0001-01-01T00:00:00-14:00\"",
        10 => "\"+275760-09-13T00:00:00Z\"",
        11 => Nested(random.Next(2) == 0 ? 63 : random.Next(64, 5_000)),
        12 => "{\"a\":1,\"a\":2,\"$type\":\"System.IO.FileInfo\"}",
        13 => Quote(Word(random, random.Next(1_000, 60_000), "abc")),
        14 => "true",
        15 => Quote(Text(random, 200)),
        16 => "[" + string.Join(',', Enumerable.Repeat("0", random.Next(1, 20_000))) + "]",
        _ => Quote(Text(random), asciiOnly: true),
    };

    /// <summary>Arrays inside arrays, <paramref name="depth"/> deep (the JSON reader allows 64).</summary>
    public static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>A JSON string: lone surrogates always escaped (they cannot be written as UTF-8),
    /// everything outside ASCII escaped too when <paramref name="asciiOnly"/>.</summary>
    public static string Quote(string text, bool asciiOnly = false)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                || char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]);
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c < ' ' || asciiOnly && c > '~' || char.IsSurrogate(c) && !paired)
            {
                json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    /// <summary>A JSON object from fields already written as JSON text.</summary>
    public static string Object(IEnumerable<KeyValuePair<string, string>> fields) =>
        "{" + string.Join(',', fields.Select(f => Quote(f.Key) + ":" + f.Value)) + "}";
}
