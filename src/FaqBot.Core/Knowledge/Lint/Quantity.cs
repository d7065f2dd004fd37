using System.Globalization;
using System.Text.RegularExpressions;

namespace FaqBot.Core.Knowledge.Lint;

/// <summary>What a quantity counts: durations are compared in minutes, the rest in their own unit.</summary>
internal enum QuantityKind
{
    Duration,
    Sessions,
    Times,
    Percent,
}

/// <summary>A number with its unit as written in an answer ("about 45-60 minutes"), read as the
/// interval of values it allows, in the kind's base unit.</summary>
internal sealed record Quantity(QuantityKind Kind, double Low, double High, string Text, int Start)
{
    public bool Overlaps(Quantity other) => Low <= other.High && other.Low <= High;
}

/// <summary>
/// Finds quantities in text: a number (digits, or a number word from one to a hundred, or "a"/"an"
/// before a time unit) and a unit (minutes, hours, days, weeks, fortnights, months, years; sessions,
/// infusions, treatments, visits; times; percent), optionally a range ("40-60", "40 to 60",
/// "between 40 and 60", "from 40 minutes to 90 minutes", "two or three") and a qualifier:
/// "about", "around", "approximately", "roughly", "nearly", "almost" allow 10% either way; "at least",
/// "more than" leave the top open; "up to", "at most", "no more than", "less than", "fewer than",
/// "within" leave the bottom at zero ("over" and "under" are not read: "three sessions over two
/// weeks" spreads, it does not bound).
/// </summary>
internal static partial class QuantityReader
{
    private const double Approximately = 0.1;

    private static readonly Dictionary<string, double> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90, ["hundred"] = 100, ["a hundred"] = 100,
    };

    private static readonly (string Pattern, QuantityKind Kind, double Factor)[] Units =
    [
        ("minutes?|mins?", QuantityKind.Duration, 1),
        ("hours?|hrs?", QuantityKind.Duration, 60),
        ("days?", QuantityKind.Duration, 60 * 24),
        ("weeks?", QuantityKind.Duration, 60 * 24 * 7),
        ("fortnights?", QuantityKind.Duration, 60 * 24 * 14),
        ("months?", QuantityKind.Duration, 60 * 24 * 30.44),
        ("years?", QuantityKind.Duration, 60 * 24 * 365.25),
        ("sessions?|infusions?|treatments?|visits?", QuantityKind.Sessions, 1),
        ("times", QuantityKind.Times, 1),
        (@"percent|per\s+cent|%", QuantityKind.Percent, 1),
    ];

    /// <summary>The words of every unit of a kind, to leave out of a quantity's topic.</summary>
    public static string UnitWords(QuantityKind kind) => kind switch
    {
        QuantityKind.Duration => "minute minutes min mins hour hours hr hrs day days week weeks fortnight fortnights month months year years",
        QuantityKind.Sessions => "session sessions infusion infusions treatment treatments visit visits",
        QuantityKind.Times => "times",
        _ => "percent per cent",
    };

    /// <summary>Words that only say how much: number words and qualifiers.</summary>
    public const string QuantityWords =
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
        + "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred about around approximately "
        + "roughly nearly almost least most more less fewer within between from";

    public static IEnumerable<Quantity> Read(string text)
    {
        foreach (Match match in QuantityPattern().Matches(text))
        {
            var n1 = match.Groups["n1"];
            var n2 = match.Groups["n2"];
            var unit = UnitOf(match.Groups["unit"].Value);
            var q1 = match.Groups["q1"].Value;
            if (!n2.Success)
            {
                if (Single(n1.Value, q1, unit, match.Value, match.Index) is { } single)
                {
                    yield return single;
                }

                continue;
            }

            var q2 = match.Groups["q2"].Value;
            var inner = match.Groups["u1"].Success ? UnitOf(match.Groups["u1"].Value) : unit;
            if (inner != unit)
            {
                // "3 sessions or 4 weeks": two quantities, not a range.
                var split = n2.Index - match.Index;
                var before = match.Value[..split];
                foreach (var part in new[] { Single(n1.Value, q1, inner, before, match.Index), Single(n2.Value, q2, unit, match.Value[split..], n2.Index) })
                {
                    if (part is not null)
                    {
                        yield return part;
                    }
                }

                continue;
            }

            if (Number(n1.Value) is not { } low || Number(n2.Value) is not { } high || IsArticle(n1.Value) && unit.Kind != QuantityKind.Duration)
            {
                continue;
            }

            // "about 45-60 minutes": the qualifier covers the range; "at least 30 to 45": only its bottom.
            var topQualifier = q2.Length > 0 ? q2 : IsApproximate(q1) ? q1 : "";
            yield return new Quantity(unit.Kind, Lower(q1, Math.Min(low, high)) * unit.Factor, Upper(topQualifier, Math.Max(low, high)) * unit.Factor,
                match.Value.Trim(), match.Index);
        }
    }

    private static Quantity? Single(string number, string qualifier, (QuantityKind Kind, double Factor) unit, string text, int start) =>
        Number(number) is not { } value || IsArticle(number) && unit.Kind != QuantityKind.Duration
            ? null
            : new Quantity(unit.Kind, Lower(qualifier, value) * unit.Factor, Upper(qualifier, value) * unit.Factor, text.Trim(), start);

    private static bool IsArticle(string number) => number.Equals("a", StringComparison.OrdinalIgnoreCase) || number.Equals("an", StringComparison.OrdinalIgnoreCase);

    private static (QuantityKind Kind, double Factor) UnitOf(string unit)
    {
        foreach (var (pattern, kind, factor) in Units)
        {
            if (Regex.IsMatch(unit, $"^(?:{pattern})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            {
                return (kind, factor);
            }
        }

        throw new InvalidOperationException($"'{unit}' is not a unit");
    }

    private static double? Number(string text)
    {
        text = Regex.Replace(text.Trim(), @"\s+", " ");
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (Words.TryGetValue(text, out value))
        {
            return value;
        }

        var parts = text.Split('-'); // forty-five
        return parts.Length == 2 && Words.TryGetValue(parts[0], out var tens) && tens >= 20 && Words.TryGetValue(parts[1], out var ones) && ones < 10
            ? tens + ones
            : null;
    }

    private static bool IsApproximate(string qualifier) =>
        qualifier.Length > 0 && ApproximatePattern().IsMatch(qualifier);

    private static double Lower(string qualifier, double value) => Kind(qualifier) switch
    {
        '~' => value * (1 - Approximately),
        '<' => 0,
        _ => value,
    };

    private static double Upper(string qualifier, double value) => Kind(qualifier) switch
    {
        '~' => value * (1 + Approximately),
        '>' => double.PositiveInfinity,
        _ => value,
    };

    private static char Kind(string qualifier)
    {
        var q = Regex.Replace(qualifier.Trim().ToLowerInvariant(), @"\s+", " ");
        return q switch
        {
            "" => '=',
            "at least" or "more than" => '>',
            "up to" or "at most" or "no more than" or "less than" or "fewer than" or "within" => '<',
            _ => '~',
        };
    }

    private const string NumberText =
        @"\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
        + @"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        + @"|a\s+hundred|hundred|an|a";

    private const string QualifierText =
        @"about|around|approximately|roughly|nearly|almost|at\s+least|at\s+most|up\s+to|no\s+more\s+than|more\s+than|less\s+than|fewer\s+than|within";

    private const string UnitText =
        @"(?:minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|years?|sessions?|infusions?|treatments?|visits?|times|percent|per\s+cent)\b|%";

    [GeneratedRegex(
        @"(?<![\w.,])(?:(?:from|between)\s+)?(?:(?<q1>" + QualifierText + @")\s+)?(?<n1>" + NumberText + @")\b(?![.,]\d)"
        + @"(?:(?:\s*-?\s*(?<u1>" + UnitText + @"))?\s*(?:-|–|—|\bto\b|\band\b|\bor\b)\s*(?:(?<q2>" + QualifierText + @")\s+)?(?<n2>" + NumberText + @")\b)?"
        + @"\s*-?\s*(?<unit>" + UnitText + ")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^(?:about|around|approximately|roughly|nearly|almost)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApproximatePattern();
}
