using FaqBot.Core.Safety;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Safety;

/// <summary>The shipped safety gate on any text: it never throws, its trace stays small whatever
/// the message's length, and an urgent sentence is urgent whatever is written around it.</summary>
public sealed class SafetyGateProperties
{
    private static readonly SafetyGate Gate = KnowledgeFolder.Shipped.Safety;

    private static readonly string[] UrgentSentences =
    [
        "i keep thinking about suicide",
        "tbh kms",
        "been feeling sucidal all week",
        "gonna k1ll mys3lf",
        "my cousin swallowed a whole bottle of her meds",
        "I overdosed an hour ago",
        "my chest hurts and i can't breathe",
        "he hits me and i'm hiding in the bathroom",
        "I'm not suicidal, I just don't want to exist anymore",
    ];

    /// <summary>Ends of sentences: each starts a new clause, so nothing around a sentence joins it.</summary>
    private static readonly string[] Breaks = [". ", "! ", "? ", "\n", "\r\n", "; "];

    [Property(MaxTest = 150)]
    public Property Never_throws_and_the_trace_stays_bounded() =>
        Prop.ForAll(HostileText.Arbitrary(), message =>
        {
            var result = Gate.Triage(message.Text);

            // Standing and denied examples per rule, each a clause or a window of it (with an ellipsis either side).
            Assert.InRange(result.Hits.Count, 0, 2 * TriageHits.MaxHitsPerRule * Gate.Rules.Count);
            Assert.All(result.Hits, hit => Assert.InRange(hit.Clause.Length, 0, SafetyGate.MaxClauseCharacters + 2));
            Assert.Equal(result.Category is null, result.ReplyId is null);
        });

    [Property(MaxTest = 150)]
    public Property An_urgent_sentence_stays_urgent_whatever_surrounds_it() =>
        Prop.ForAll(
            HostileText.Arbitrary(),
            Arb.From(Gen.Elements(UrgentSentences).Zip(Gen.Elements(Breaks))),
            HostileText.Arbitrary(),
            (before, sentence, after) =>
            {
                var (text, separator) = sentence;

                // The gate reads the first MaxScannedCharacters: the sentence stays inside them.
                var room = SafetyGate.MaxScannedCharacters - text.Length - separator.Length;
                var message = before.Text[..Math.Min(before.Text.Length, room)] + separator + text + separator + after.Text;

                Assert.Equal(SafetyCategory.Urgent, Gate.Triage(message).Category);
            });
}
