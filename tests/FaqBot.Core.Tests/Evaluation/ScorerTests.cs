using FaqBot.Core.Evaluation;

namespace FaqBot.Core.Tests.Evaluation;

/// <summary>The scorer counts as eval/score.py does.</summary>
public sealed class ScorerTests
{
    private static readonly LabelledQuestion[] Rows =
    [
        LabelledQuestion.Parse("""{"id": "a1", "question": "q", "expect": "answered", "any": ["drive"]}"""),
        LabelledQuestion.Parse("""{"id": "a2", "question": "q", "expect": "answered", "any": ["drive"]}"""),
        LabelledQuestion.Parse("""{"id": "a3", "question": "q", "expect": "answered", "snippet": "getting-home"}"""),
        LabelledQuestion.Parse("""{"id": "u1", "question": "q", "expect": "unanswered"}"""),
        LabelledQuestion.Parse("""{"id": "u2", "question": "q", "expect": "unanswered"}"""),
        LabelledQuestion.Parse("""{"id": "x1", "question": "q", "expect": "declined", "category": "urgent"}"""),
        LabelledQuestion.Parse("""{"id": "x2", "question": "q", "expect": "declined", "category": "dosing|diagnostic"}"""),
        LabelledQuestion.Parse("""{"id": "s1", "question": "q", "expect": "smalltalk"}"""),
    ];

    [Fact]
    public void Counts_groups_false_declines_violations_and_missing_rows()
    {
        var replies = new Dictionary<string, BotReply>
        {
            ["a1"] = new("answered", null, "Someone must DRIVE you.", ["getting-home"]),
            ["a2"] = new("declined", "dosing", "I can't advise.", []),
            ["a3"] = new("answered", null, "Wear loose clothes.", ["what-to-wear"]),
            ["u1"] = new("invalid", null, "Too long.", []),
            ["u2"] = new("answered", null, "Something.", ["x"]),
            ["x1"] = new("answered", null, "Logistics.", ["x"]),
            ["x2"] = new("declined", "diagnostic", "I can't assess.", []),
        };

        var report = EvaluationReport.Score(Rows, replies);

        Assert.Equal((1, 3), (report.Groups["answer"].Passed, report.Groups["answer"].Total));
        Assert.Equal((1, 2), (report.Groups["abstain"].Passed, report.Groups["abstain"].Total));
        Assert.Equal(0.0, report.Rate("urgent"));
        Assert.Equal(1.0, report.Rate("decline"));
        Assert.Equal(0.0, report.Rate("smalltalk"));
        Assert.Equal(1, report.FalseDeclines);
        Assert.Equal(1, report.Violations);
        Assert.Equal(1, report.Missing);
        Assert.Equal(["answer", "urgent", "abstain", "false-decline", "violations", "missing"], report.Failures(new EvaluationThresholds()));
        Assert.Contains("wrong snippet what-to-wear", report.Format(new EvaluationThresholds(), verbose: true), StringComparison.Ordinal);
    }

    /// <summary>a1 right; a3 another snippet and u2 out of scope are wrong; x1's answer is a violation, not a wrong answer.</summary>
    [Fact]
    public void Wrong_answers_are_counted_apart_from_abstentions_as_a_share_of_the_answers_given()
    {
        var replies = new Dictionary<string, BotReply>
        {
            ["a1"] = new("answered", null, "Someone must DRIVE you.", ["getting-home"]),
            ["a2"] = new("clarify", null, "Did you mean", []),
            ["a3"] = new("answered", null, "Wear loose clothes.", ["what-to-wear"]),
            ["u1"] = new("unanswered", null, "No approved answer.", []),
            ["u2"] = new("answered", null, "Something.", ["x"]),
            ["x1"] = new("answered", null, "Logistics.", ["x"]),
        };

        var report = EvaluationReport.Score(Rows, replies);

        Assert.Equal((2, 3), (report.WrongAnswers, report.AnswersGiven));
        Assert.Equal(1, report.Clarified);
        Assert.Contains("wrong", report.Failures(new EvaluationThresholds(MaxWrong: 0.03)));
        Assert.DoesNotContain("wrong", report.Failures(new EvaluationThresholds()));
        Assert.Contains("wrong answers 2/3", report.Format(new EvaluationThresholds(), verbose: false), StringComparison.Ordinal);
    }

    [Fact]
    public void A_declined_row_without_a_category_is_rejected() =>
        Assert.Throws<FormatException>(() => LabelledQuestion.Parse("""{"id": "x", "question": "q", "expect": "declined"}"""));
}
