using FaqBot.Core.Answering;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Safety;
using FaqBot.Core.Safety.Semantic;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Core.Tests.Safety.Semantic;

/// <summary>The semantic layer beside the rules: it raises a message the rules let through to the
/// category of its nearest examples, never lowers what the rules decided, and shows its nearest
/// examples in the trace. A word-hash encoder stands in for the model.</summary>
public sealed class SemanticSafetyLayerTests
{
    private static readonly SafetyExamples Examples = new(
    [
        Example("u.1", SafetyCategory.Urgent, "nobody would even notice if i was gone for good"),
        Example("u.2", SafetyCategory.Urgent, "everyone would notice nothing if i was gone tomorrow"),
        Example("u.3", SafetyCategory.Urgent, "i wrote letters to everyone and gave my things away, i will be gone soon"),
        Example("u.4", SafetyCategory.Urgent, "i am gone after tonight, nobody will notice"),
        Example("d.1", SafetyCategory.Dosing, "how many milligrams of my sertraline should i take the morning of"),
        Example("d.2", SafetyCategory.Dosing, "should i skip my sertraline before the session"),
        Example("d.3", SafetyCategory.Dosing, "can i double my sertraline dose after the infusion"),
        Example("g.1", SafetyCategory.Diagnostic, "is my blood pressure reading normal for someone like me"),
        Example("g.2", SafetyCategory.Diagnostic, "does my blood test result mean i have a problem"),
        Example("g.3", SafetyCategory.Diagnostic, "is this blood pressure result dangerous for me"),
        Example("n.1", null, "how much does one infusion cost without insurance"),
        Example("n.2", null, "where do i park when i arrive at the clinic"),
        Example("n.3", null, "what are your opening hours on saturday"),
        Example("n.4", null, "can my husband drive me home after the infusion"),
        Example("n.5", null, "do you take insurance for the infusion cost"),
        Example("n.6", null, "is there parking at the clinic on saturday"),
    ]);

    [Fact]
    public async Task A_message_the_rules_let_through_is_raised_to_urgent_with_its_nearest_examples_in_the_trace()
    {
        var answerer = Answerer(out _);

        var answer = await answerer.AskAsync("opening hours saturday? nobody will notice after tonight");

        Assert.Equal(AnswerOutcome.Declined, answer.Outcome);
        Assert.Equal(SafetyCategory.Urgent, answer.Category);
        Assert.True(answer.Trace.Safety!.Any(h => h.RuleId == "semantic.urgent"), answer.Trace.Decision + " / " + string.Join(",", answer.Trace.Safety!.Select(h => h.RuleId)));
        var hit = Assert.Single(answer.Trace.Safety!, h => h.RuleId == "semantic.urgent");
        Assert.Contains("notice", hit.Clause, StringComparison.Ordinal);
        Assert.NotNull(hit.Nearest);
        Assert.StartsWith("u.", hit.Nearest![0].Id, StringComparison.Ordinal);
        Assert.Contains("semantic: urgent", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_harmless_question_is_not_raised()
    {
        var answerer = Answerer(out _);

        var answer = await answerer.AskAsync("where do i park at the clinic on saturday");

        Assert.NotEqual(AnswerOutcome.Declined, answer.Outcome);
        Assert.Contains("semantic: none", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_layer_never_lowers_what_the_rules_decided()
    {
        // The rules decline this as urgent; its words are nearest the harmless examples.
        var answerer = Answerer(out _);

        var answer = await answerer.AskAsync("where do i park, i want to kill myself");

        Assert.Equal(SafetyCategory.Urgent, answer.Category);
        Assert.DoesNotContain(answer.Trace.Safety!, h => h.RuleId.StartsWith(SemanticSafetyLayer.RulePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dosing_question_the_rules_miss_is_declined_as_dosing()
    {
        var answerer = Answerer(out _);

        var answer = await answerer.AskAsync("skip the sertraline the morning of the session or not?");

        Assert.Equal(SafetyCategory.Dosing, answer.Category);
    }

    [Fact]
    public async Task The_index_is_built_once_per_content_with_the_snippets_questions_as_harmless_examples()
    {
        var encoder = new WordHashEncoder();
        var layer = Layer(encoder);
        var own = new SafetyExamples([.. Examples.All, Example("n.unique", null, "a harmless example only this test writes " + Guid.NewGuid())]);
        var kb = Knowledge(own);
        var questions = kb.Snippets.Where(s => s.Status == SnippetStatus.Approved).Sum(s => s.Questions.Count);

        var first = await layer.IndexAsync(kb, CancellationToken.None);
        var again = await layer.IndexAsync(kb, CancellationToken.None);
        var reloadedUnchanged = await layer.IndexAsync(Knowledge(new SafetyExamples([.. own.All])), CancellationToken.None);
        Assert.Equal(own.Count + questions, encoder.Encoded);
        var changed = await layer.IndexAsync(Knowledge(new SafetyExamples([.. own.All.SkipLast(1), Example("n.unique", null, "changed " + Guid.NewGuid())])), CancellationToken.None);

        Assert.Same(first, again);
        Assert.Same(first, reloadedUnchanged);
        Assert.NotSame(first, changed);
        Assert.Equal(own.Count + questions, first.Count);
        Assert.Equal(2 * (own.Count + questions), encoder.Encoded);
    }

    [Fact]
    public async Task While_a_reload_rebuilds_the_index_messages_are_judged_by_the_last_one_without_waiting()
    {
        var encoder = new WordHashEncoder();
        var release = new TaskCompletionSource();
        var builds = 0;
        var layer = new SemanticSafetyLayer(
            encoder,
            new ExampleVectors(async (texts, ct) =>
            {
                if (Interlocked.Increment(ref builds) == 2)
                {
                    await release.Task.WaitAsync(ct); // the rebuild after the reload hangs until released
                }

                return [.. (await encoder.GenerateAsync(texts, cancellationToken: ct)).Select(e => e.Vector)];
            }),
            Options.Create(new SemanticSafetyOptions { UrgentRecall = 0.75, DeclineRecall = 0.66 }));
        var before = Knowledge(Examples);
        var reloaded = Knowledge(new SafetyExamples([.. Examples.All, Example("n.new", null, "a new harmless example " + Guid.NewGuid())]));
        var first = await layer.IndexAsync(before, CancellationToken.None);
        var rebuild = layer.IndexAsync(reloaded, CancellationToken.None);

        var verdict = await layer.ClassifyAsync(reloaded, "opening hours saturday? nobody will notice after tonight", new TriageResult(null, null, []), CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(1));
        release.SetResult();
        var second = await rebuild;

        Assert.Equal(SafetyCategory.Urgent, verdict.Category);
        Assert.False(rebuild.IsFaulted);
        Assert.NotSame(first, second);
        Assert.Same(second, await layer.IndexAsync(reloaded, CancellationToken.None));
    }

    [Fact]
    public async Task Thresholds_are_chosen_to_catch_the_wanted_share_of_each_category_left_out_in_turn()
    {
        var encoder = new WordHashEncoder();
        var vectors = (await encoder.GenerateAsync(Examples.All.Select(e => e.Text))).Select(e => e.Vector).ToList();

        var index = ExampleIndex.Build(Examples, vectors, new SemanticSafetyOptions { UrgentRecall = 0.75, DeclineRecall = 0.66 });

        var urgent = Assert.Single(index.Thresholds, t => t.Category == SafetyCategory.Urgent);
        Assert.True(urgent.Recall >= 0.75, $"urgent recall {urgent.Recall}");
        Assert.Equal([SafetyCategory.Urgent, SafetyCategory.Dosing, SafetyCategory.Diagnostic], index.Thresholds.Select(t => t.Category));
    }

    [Theory]
    [InlineData(0.0, 0.95, 1.0, null)]   // a harmless example nearer than every urgent one: not raised
    [InlineData(0.0, 0.90, 1.0, SafetyCategory.Urgent)] // as near: raised (a tie goes to safety)
    [InlineData(0.1, 0.95, 1.0, SafetyCategory.Urgent)] // within the configured lead: raised
    [InlineData(-0.1, 0.85, 1.0, null)]  // a negative lead is stricter: a harmless example almost as near is enough
    [InlineData(0.0, 0.95, 0.8, SafetyCategory.Urgent)] // the classifier is sure (0.9 >= 0.8): raised whatever the neighbours
    public async Task A_piece_nearer_a_harmless_example_than_every_example_of_the_category_is_not_raised(double lead, double nearestHarmless, double below, SafetyCategory? expected)
    {
        var encoder = new WordHashEncoder();
        var vectors = (await encoder.GenerateAsync(Examples.All.Select(e => e.Text))).Select(e => e.Vector).ToList();
        var built = ExampleIndex.Build(Examples, vectors, new SemanticSafetyOptions { UrgentRecall = 0.75, DeclineRecall = 0.66, HarmlessLead = lead, HarmlessLeadBelow = below });
        var index = built.WithThresholds([new CategoryThreshold(SafetyCategory.Urgent, 0.5, 0.4, 0.95, 0.1)]);
        var likely = new Probabilities(0.1, 0, 0, 0.9);
        var nearestOf = new Dictionary<SafetyCategory, double> { [SafetyCategory.Urgent] = 0.90, [SafetyCategory.Dosing] = 0.1, [SafetyCategory.Diagnostic] = 0.1 };
        NearExample[] nearest = [new("n.2", null, nearestHarmless), new("u.1", SafetyCategory.Urgent, 0.90)];

        var decided = index.Decide(new PieceScores(likely, nearestOf, nearestHarmless, nearest));

        Assert.Equal(expected, decided);
    }

    [Theory]
    [InlineData(0.70, 0.50, SafetyCategory.Urgent)] // an urgent example very near, harmless ones far: raised though the classifier says harmless
    [InlineData(0.70, 0.68, null)]   // a harmless example almost as near: left to the classifier
    [InlineData(0.50, 0.20, null)]   // the nearest urgent example is not near enough
    public async Task A_piece_right_beside_an_urgent_example_is_urgent_whatever_the_classifier_guesses(double nearestUrgent, double nearestHarmless, SafetyCategory? expected)
    {
        var encoder = new WordHashEncoder();
        var vectors = (await encoder.GenerateAsync(Examples.All.Select(e => e.Text))).Select(e => e.Vector).ToList();
        var index = ExampleIndex.Build(Examples, vectors, new SemanticSafetyOptions { UrgentRecall = 0.75, DeclineRecall = 0.66 });
        var harmless = new Probabilities(1, 0, 0, 0);
        var nearestOf = new Dictionary<SafetyCategory, double> { [SafetyCategory.Urgent] = nearestUrgent, [SafetyCategory.Dosing] = 0.1, [SafetyCategory.Diagnostic] = 0.1 };
        NearExample[] nearest = [new("u.4", SafetyCategory.Urgent, nearestUrgent), new("n.2", null, nearestHarmless)];

        var decided = index.Decide(new PieceScores(harmless, nearestOf, nearestHarmless, nearest));

        Assert.Equal(expected, decided);
    }

    [Fact]
    public async Task A_piece_the_classifier_takes_to_urgent_but_finds_likelier_dosing_is_declined_as_dosing()
    {
        var encoder = new WordHashEncoder();
        var vectors = (await encoder.GenerateAsync(Examples.All.Select(e => e.Text))).Select(e => e.Vector).ToList();
        var built = ExampleIndex.Build(Examples, vectors, new SemanticSafetyOptions { UrgentRecall = 0.75, DeclineRecall = 0.66 });
        // Thresholds as the examples of a clinic choose them: urgent tuned for recall, low; dosing strict.
        var index = built.WithThresholds(
        [
            new CategoryThreshold(SafetyCategory.Urgent, 0.2, 0.4, 0.95, 0.1),
            new CategoryThreshold(SafetyCategory.Dosing, 0.9, 0.4, 0.85, 0.01),
            new CategoryThreshold(SafetyCategory.Diagnostic, 0.9, 0.4, 0.85, 0.01),
        ]);
        var nearestOf = new Dictionary<SafetyCategory, double> { [SafetyCategory.Urgent] = 0.9, [SafetyCategory.Dosing] = 0.1, [SafetyCategory.Diagnostic] = 0.1 };
        NearExample[] nearest = [new("n.2", null, 0.9), new("u.1", SafetyCategory.Urgent, 0.9)];

        var likelierDosing = index.Decide(new PieceScores(new Probabilities(0, 0, 0.7, 0.3), nearestOf, 0.9, nearest));
        var likelierDiagnostic = index.Decide(new PieceScores(new Probabilities(0, 0.6, 0.1, 0.3), nearestOf, 0.9, nearest));
        var urgentLikeliest = index.Decide(new PieceScores(new Probabilities(0.6, 0.05, 0.05, 0.3), nearestOf, 0.9, nearest));

        Assert.Equal(SafetyCategory.Dosing, likelierDosing); // declined, never let through, though dosing's own threshold is not reached
        Assert.Equal(SafetyCategory.Diagnostic, likelierDiagnostic);
        Assert.Equal(SafetyCategory.Urgent, urgentLikeliest);
    }

    [Fact]
    public async Task A_piece_is_scored_against_its_nearest_harmless_example()
    {
        var encoder = new WordHashEncoder();
        var vectors = (await encoder.GenerateAsync(Examples.All.Select(e => e.Text))).Select(e => e.Vector).ToList();
        var index = ExampleIndex.Build(Examples, vectors, new SemanticSafetyOptions { UrgentRecall = 0.75, DeclineRecall = 0.66 });

        var harmless = index.Score(vectors[Examples.All.ToList().FindIndex(e => e.Id == "n.2")].Span);
        var urgent = index.Score(vectors[0].Span);

        Assert.Equal(1.0, harmless.NearestHarmless, 3);
        Assert.True(urgent.NearestHarmless < urgent.NearestOf[SafetyCategory.Urgent], $"{urgent.NearestHarmless} against {urgent.NearestOf[SafetyCategory.Urgent]}");
        Assert.Equal(SafetyCategory.Urgent, index.Decide(urgent));
        Assert.Null(index.Decide(harmless));
    }

    [Fact]
    public async Task A_category_with_a_single_example_still_gets_a_threshold()
    {
        var encoder = new WordHashEncoder();
        var examples = new SafetyExamples([.. Examples.All.Where(e => e.Category != SafetyCategory.Dosing), Example("d.only", SafetyCategory.Dosing, "can i double my sertraline dose")]);
        var vectors = (await encoder.GenerateAsync(examples.All.Select(e => e.Text))).Select(e => e.Vector).ToList();

        var index = ExampleIndex.Build(examples, vectors, new SemanticSafetyOptions { UrgentRecall = 0.75, DeclineRecall = 0.66 });

        var dosing = Assert.Single(index.Thresholds, t => t.Category == SafetyCategory.Dosing);
        Assert.Equal(0, dosing.Similarity);
        Assert.Null(index.Decide(index.Score(vectors[examples.All.ToList().FindIndex(e => e.Id == "n.1")].Span)));
    }

    [Fact]
    public void A_long_message_is_cut_into_a_bounded_number_of_pieces_that_cover_every_clause()
    {
        var gate = KnowledgeFolder.Shipped.Safety;
        var message = string.Join(". ", Enumerable.Range(0, 200).Select(i => $"clause number {i} says something"));

        var pieces = MessagePieces.Of(gate.Normalize(message), 12);

        Assert.InRange(pieces.Count, 2, 13);
        Assert.Contains(pieces.Skip(1), p => p.Contains("199", StringComparison.Ordinal));
        Assert.Contains(pieces.Skip(1), p => p.Contains("clause number 0 ", StringComparison.Ordinal));
    }

    private static KnowledgeBase Knowledge(SafetyExamples examples)
    {
        var shipped = KnowledgeFolder.Shipped;
        return new KnowledgeBase(shipped.Sources, shipped.Snippets, shipped.Replies, shipped.SmallTalk, shipped.Vocabulary, shipped.Safety, safetyExamples: examples);
    }

    private static SafetyExample Example(string id, SafetyCategory? category, string text) => new(id, category, text, "test");

    private static SemanticSafetyLayer Layer(WordHashEncoder encoder) =>
        new(encoder, new ExampleVectors(async (texts, ct) => [.. (await encoder.GenerateAsync(texts, cancellationToken: ct)).Select(e => e.Vector)]),
            Options.Create(new SemanticSafetyOptions { UrgentRecall = 0.75, DeclineRecall = 0.66 }));

    private static Answerer Answerer(out WordHashEncoder encoder)
    {
        encoder = new WordHashEncoder();
        var kb = Knowledge(Examples);
        var time = new FakeTimeProvider(TestBot.Now);
        return new Answerer(KnowledgeHolder.Fixed(kb, time), Options.Create(TestBot.ShippedRetrieval()), Options.Create(new FaqBot.Core.Configuration.InputOptions()), time,
            semanticSafety: Layer(encoder));
    }
}
