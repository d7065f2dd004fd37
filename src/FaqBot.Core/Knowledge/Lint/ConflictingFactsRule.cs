using System.Globalization;
using System.Text.RegularExpressions;

namespace FaqBot.Core.Knowledge.Lint;

/// <summary>
/// <c>conflicting-facts</c> (warning): two snippets (approved or draft) that give different values
/// for the same kind of quantity on the same topic, such as "an infusion takes 40 minutes" and "an
/// infusion lasts about 60 minutes", or "six infusions" and "eight infusions" for a course.
/// <list type="bullet">
/// <item>Each answer is split into clauses (at . ! ? ; and : followed by a space) and each clause
/// read for quantities (<see cref="QuantityReader"/>): durations, compared in minutes; counts of
/// sessions (sessions, infusions, treatments and visits are one unit); times; percent. Each
/// quantity is an interval: a range is its ends, "about" allows 10% either way, "at least" and
/// "up to" open one end.</item>
/// <item>The topic of a quantity is its clause's content terms (<see cref="TermReader.ContentTerms"/>)
/// without numbers, qualifiers and the words of its own unit.</item>
/// <item>Two quantities of different snippets conflict when they are of the same kind, their
/// intervals do not overlap, and their topics share at least one term with a Dice similarity
/// (twice the shared terms over the sum of both sizes) of at least <see cref="MinTopicSimilarity"/>.
/// "An infusion takes 40 minutes" and "An infusion lasts about 60 minutes" have topics {infus} and
/// {infus, long}: 0.67, a conflict; "Arrive 60 minutes before your infusion" against the first has
/// {arriv, befor, infus}: 0.5, a different topic.</item>
/// </list>
/// Reported on the later file, naming the other. The shipped knowledge has no such pair.
/// </summary>
internal static partial class ConflictingFactsRule
{
    public const double MinTopicSimilarity = 0.6;

    public static IEnumerable<LintFinding> Check(LintContext context)
    {
        var ignored = Enum.GetValues<QuantityKind>().ToDictionary(
            kind => kind,
            kind => context.Terms.Read(QuantityReader.QuantityWords + " " + QuantityReader.UnitWords(kind)));
        var facts = context.Reviewed
            .SelectMany(snippet => Clauses(snippet.Body).SelectMany(clause => QuantityReader.Read(clause)
                .Select(quantity => new Fact(snippet, clause, quantity, Topic(context, clause, ignored[quantity.Kind])))))
            .ToList();
        for (var a = 0; a < facts.Count; a++)
        {
            for (var b = a + 1; b < facts.Count; b++)
            {
                var (first, second) = (facts[a], facts[b]);
                if (first.Snippet.Id == second.Snippet.Id || first.Quantity.Kind != second.Quantity.Kind || first.Quantity.Overlaps(second.Quantity))
                {
                    continue;
                }

                var shared = first.Topic.Count(second.Topic.Contains);
                var similarity = shared == 0 ? 0 : 2.0 * shared / (first.Topic.Count + second.Topic.Count);
                if (shared == 0 || similarity < MinTopicSimilarity)
                {
                    continue;
                }

                var terms = string.Join(", ", first.Topic.Intersect(second.Topic).Order(StringComparer.Ordinal));
                yield return LintFinding.Warning(LintRules.ConflictingFacts, second.Snippet.File, "body",
                    $"\"{second.Quantity.Text}\" (\"{second.Clause}\") conflicts with \"{first.Quantity.Text}\" in {first.Snippet.File} "
                    + $"(\"{first.Clause}\"): same topic (shared terms: {terms}; similarity {similarity.ToString("0.00", CultureInfo.InvariantCulture)}), values that do not overlap");
            }
        }
    }

    private static HashSet<string> Topic(LintContext context, string clause, HashSet<string> ignored)
    {
        var topic = context.Terms.ContentTerms(clause);
        topic.ExceptWith(ignored);
        topic.RemoveWhere(t => t.Any(char.IsDigit));
        return topic;
    }

    private static IEnumerable<string> Clauses(string body) =>
        ClauseBreak().Split(body).Select(c => c.Trim()).Where(c => c.Length > 0);

    [GeneratedRegex(@"(?<=[.!?;:])\s+|\r?\n")]
    private static partial Regex ClauseBreak();

    private sealed record Fact(Snippet Snippet, string Clause, Quantity Quantity, HashSet<string> Topic);
}
