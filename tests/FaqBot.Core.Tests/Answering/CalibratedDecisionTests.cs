using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Core.Tests.Answering;

/// <summary>The decision on calibrated confidences: answer, offer the close candidates, or admit there is none.</summary>
public sealed class CalibratedDecisionTests
{
    private static readonly IReadOnlyList<Snippet> Snippets = TestBot.Holder(Repo.Knowledge, new FakeTimeProvider(TestBot.Now)).Current.Snippets;

    private static readonly HybridRetrievalOptions Options = new() { AnswerConfidence = 0.8, ClarifyConfidence = 0.3 };

    [Fact]
    public void At_or_above_the_answer_confidence_the_best_is_answered()
    {
        var decision = Decision.Calibrated(Candidates(0.8, 0.79), Options, 3);

        Assert.Equal(DecisionKind.Answer, decision.Kind);
        Assert.Equal(Snippets[0].Id, decision.Chosen[0].Snippet.Id);
    }

    [Fact]
    public void Below_it_the_candidates_above_the_clarify_confidence_are_offered_at_most_as_many_as_allowed()
    {
        var decision = Decision.Calibrated(Candidates(0.7, 0.5, 0.4, 0.35, 0.1), Options, 3);

        Assert.Equal(DecisionKind.Clarify, decision.Kind);
        Assert.Equal(3, decision.Chosen.Count);
    }

    [Fact]
    public void One_candidate_above_the_clarify_confidence_is_offered_alone()
    {
        var decision = Decision.Calibrated(Candidates(0.5, 0.2), Options, 3);

        Assert.Equal(DecisionKind.Clarify, decision.Kind);
        Assert.Single(decision.Chosen);
    }

    [Theory]
    [InlineData(0.29)]
    [InlineData(0.0)]
    public void Below_the_clarify_confidence_there_is_no_answer(double best)
    {
        Assert.Equal(DecisionKind.NoAnswer, Decision.Calibrated(Candidates(best, best / 2), Options, 3).Kind);
        Assert.Equal(DecisionKind.NoAnswer, Decision.Calibrated([], Options, 3).Kind);
    }

    private static List<Candidate> Candidates(params double[] confidences) =>
        [.. confidences.Select((c, i) => new Candidate(Snippets[i], c, Snippets[i].Title))];
}
