using FaqBot.Core.Answering;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Safety;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Safety;

/// <summary>Messages built to hurt the gate: one phrase repeated thousands of times in one clause
/// or in thousands of clauses, and code points .NET's normalisation refuses. The verdict stays
/// right and what the trace keeps stays small, whatever the length.</summary>
public sealed class HostileInputTests
{
    private static readonly SafetyGate Gate =
        KnowledgeLoader.Load(Repo.Knowledge, KnowledgeFolder.Clinic, new DateOnly(2026, 12, 1)).Knowledge!.Safety;

    [Theory]
    [InlineData("kms ")]
    [InlineData("kms, ")]
    [InlineData("i want to die. ")]
    public void A_repeated_risk_is_urgent_and_its_trace_stays_small(string piece)
    {
        var message = string.Concat(Enumerable.Repeat(piece, SafetyGate.MaxScannedCharacters / piece.Length));

        var triage = Gate.Triage(message);

        Assert.Equal(SafetyCategory.Urgent, triage.Category);
        Assert.InRange(triage.Hits.Count, 1, 2 * TriageHits.MaxHitsPerRule * Gate.Rules.Count);
        Assert.All(triage.Hits, hit => Assert.InRange(hit.Clause.Length, 1, SafetyGate.MaxClauseCharacters + 2));
        Assert.InRange(triage.Hits.GroupBy(h => (h.RuleId, h.Denied)).Max(g => g.Count()), 1, TriageHits.MaxHitsPerRule);
    }

    [Fact]
    public void A_long_clause_is_kept_as_a_window_around_the_match()
    {
        var message = string.Concat(Enumerable.Repeat("so tired of work and everything ", 40)) + "and i want to kill myself " + string.Concat(Enumerable.Repeat("really ", 100));

        var hit = Assert.Single(Gate.Triage(message).Hits, h => !h.Denied);

        Assert.Contains("kill myself", hit.Clause, StringComparison.Ordinal);
        Assert.StartsWith("\u2026", hit.Clause, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", hit.Clause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_denial_repeated_in_many_clauses_still_leaves_the_question()
    {
        var message = string.Concat(Enumerable.Repeat("i'm not suicidal, ", 50)) + "can I drive home after my infusion?";

        var triage = Gate.Triage(message);

        Assert.Null(triage.Category);
        Assert.Equal("can i drive home after my infusion", triage.QuestionWithoutDenials);
    }

    [Fact]
    public void Code_points_that_normalisation_refuses_do_not_skip_the_gate()
    {
        // Built in code: attribute arguments are stored as UTF-8, where a lone surrogate cannot survive.
        string[] messages = ["I want to kill myself\uFFFE", "\uFFFFi took all my pills\uFDD0", "i want to die \uD800", "\uDC00\uDC00 kms", "\uD800kms\uDFFF"];
        foreach (var message in messages)
        {
            Assert.Equal(SafetyCategory.Urgent, Gate.Triage(message).Category);
        }
    }

    [Fact]
    public async Task An_urgent_message_with_a_noncharacter_gets_the_crisis_resources_and_a_handoff()
    {
        var answer = await TestBot.Create().AskAsync("I want to kill myself\uFFFE");

        Assert.Equal(AnswerOutcome.Declined, answer.Outcome);
        Assert.Equal(SafetyCategory.Urgent, answer.Category);
        Assert.Contains("988", answer.Text, StringComparison.Ordinal);
        Assert.Equal(HandoffPriority.Urgent, answer.Handoff?.Priority);
    }

    [Fact]
    public async Task Small_talk_with_refused_code_points_is_still_read()
    {
        var answer = await TestBot.Create().AskAsync("hi \uFFFE" + "\uD800");

        Assert.Equal(AnswerOutcome.SmallTalk, answer.Outcome);
    }
}
