using FaqBot.Core.Evaluation;
using FaqBot.Core.Generation;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Core.Tests.Evaluation;

/// <summary>The verifier of generated answers on constructed model answers
/// (tests/labelled/generated-answers*.jsonl): faithful rewordings and corrupted variants (invented
/// facts, uncited sentences, changed numbers, doses, diagnostic judgements, mishandled emergencies,
/// flipped negations, wrong citations, swapped entities). Pass marks are the figures first
/// measured: every corrupted answer caught, and no fewer faithful answers kept. The held-out file
/// was written apart and is never tuned on.</summary>
public sealed class VerifierSetTests
{
    [Theory]
    [InlineData("generated-answers.jsonl", 130, 38)]
    [InlineData("generated-answers-holdout.jsonl", 60, 19)]
    public void Every_corrupted_answer_is_caught_and_faithful_answers_stay_kept(string file, int minRows, int minKept)
    {
        var rows = LabelledGeneration.ReadAll(Repo.LabelledSet(file));
        var knowledge = TestBot.Holder(Repo.Knowledge, new FakeTimeProvider(TestBot.Now)).Current;

        var report = VerifierReport.Run(rows, knowledge, new AnswerVerifier());

        Assert.True(rows.Count >= minRows, $"{rows.Count} rows");
        Assert.True(report.Caught == report.Corrupted, report.Format(verbose: true));
        Assert.True(report.Kept >= minKept, report.Format(verbose: true));
    }

    [Fact]
    public void Allowing_unsupported_words_keeps_more_faithful_answers_and_lets_corruptions_through()
    {
        var rows = LabelledGeneration.ReadAll(Repo.LabelledSet("generated-answers.jsonl"));
        var knowledge = TestBot.Holder(Repo.Knowledge, new FakeTimeProvider(TestBot.Now)).Current;

        var strict = VerifierReport.Run(rows, knowledge, new AnswerVerifier());
        var lenient = VerifierReport.Run(rows, knowledge, new AnswerVerifier(maxUnsupportedWords: 2));

        Assert.True(lenient.Kept > strict.Kept);
        Assert.True(lenient.Caught < strict.Caught);
    }

    [Fact]
    public void Every_kind_of_corruption_is_in_the_set()
    {
        var kinds = LabelledGeneration.ReadAll(Repo.LabelledSet("generated-answers.jsonl")).Where(r => !r.Faithful).Select(r => r.Kind).ToHashSet();

        Assert.Superset(new HashSet<string>(["invented-fact", "uncited-sentence", "changed-number", "dose", "diagnostic", "urgent-mishandled", "negated", "wrong-citation", "changed-entity"]), kinds);
    }

    [Fact]
    public void A_row_naming_an_unknown_snippet_is_an_error()
    {
        var knowledge = TestBot.Holder(Repo.Knowledge, new FakeTimeProvider(TestBot.Now)).Current;
        var row = LabelledGeneration.Parse("""{"id":"x","question":"q","snippets":["no-such-snippet"],"answer":"A [1].","label":"faithful"}""");

        var error = Assert.Throws<FormatException>(() => VerifierReport.Run([row], knowledge, new AnswerVerifier()));
        Assert.Contains("no-such-snippet", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"x","question":"q","snippets":["getting-home"],"answer":"A [1].","label":"maybe"}""", "label")]
    [InlineData("""{"id":"x","question":"q","snippets":[],"answer":"A [1].","label":"faithful"}""", "snippets")]
    public void A_bad_row_is_refused_with_the_field_named(string line, string field)
    {
        var error = Assert.Throws<FormatException>(() => LabelledGeneration.Parse(line));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}
