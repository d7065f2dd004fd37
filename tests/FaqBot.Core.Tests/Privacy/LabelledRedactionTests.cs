using FaqBot.Core.Evaluation;
using FaqBot.Core.Privacy;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>The redactor on the labelled sets, held at the figures it reached (pass marks a little
/// above what stays in clear, so a regression fails): the privacy sets of tests/labelled/, messages
/// with personal details in varied forms, each read as a development set once its held-out figure
/// was recorded (docs/reliability.md), and the question sets, whose ordinary words must stay. A
/// fresh held-out privacy set is scored apart and never read by a test.</summary>
public sealed class LabelledRedactionTests
{
    /// <summary>Rows of questions.jsonl that hold real personal details on purpose.</summary>
    private static readonly HashSet<string> QuestionsWithDetails = ["q157", "q158", "q159", "q160", "q161"];

    /// <summary>Per set: the most details left in clear and messages with a redaction outside the
    /// labels, and the kinds of which none may stay in clear. The figures reached, and what stays:
    /// privacy-dev 0/268 and 0/152; privacy-holdout 0/226 and 0/152; privacy-holdout-2 1/306 ("Chi",
    /// a nickname inside a given name) and 0/183; privacy-holdout-3 2/319 ("its sky", "Winter Snow")
    /// and 1/200 ("the nurse practicioner"); privacy-holdout-4 28/315 (names and addresses in other
    /// scripts, rural-route and Irish addresses, ids without a cue, dates of other calendars) and
    /// 2/200 (a family name said again alone, which is right). Every description by workplace and
    /// role ("other") is caught in every set.</summary>
    public static TheoryData<string, int, int, string[]> PrivacySets => new()
    {
        { "privacy-dev.jsonl", 2, 1, ["phone", "email", "address", "id", "card", "date", "other"] },
        { "privacy-holdout.jsonl", 2, 1, ["name", "phone", "email", "address", "id", "card", "date", "other"] },
        { "privacy-holdout-2.jsonl", 3, 2, ["phone", "email", "address", "id", "card", "date", "other"] },
        { "privacy-holdout-3.jsonl", 4, 2, ["phone", "email", "address", "id", "card", "date", "other"] },
        { "privacy-holdout-4.jsonl", 30, 3, ["other"] },
        { "privacy-holdout-5.jsonl", 25, 4, ["email"] },
        { "privacy-holdout-6.jsonl", 20, 1, ["email", "card", "date"] },
        { "privacy-holdout-7.jsonl", 27, 3, ["card", "email"] },
        { "privacy-holdout-8.jsonl", 38, 6, ["card"] },
    };

    /// <summary>The same with the name model the hosts read names with as well (trained on these
    /// sets and the question sets, so these are development figures): privacy-holdout-4 22/315 and
    /// 6/200, -5 16/297 and 4/200, -6 14/287 and 1/160, -7 22/262 and 5/200, -8 27/305 and 7/200,
    /// -9 22/277 and 5/200.</summary>
    public static TheoryData<string, int, int> PrivacySetsWithTheNameModel => new()
    {
        { "privacy-holdout-4.jsonl", 24, 7 },
        { "privacy-holdout-5.jsonl", 18, 5 },
        { "privacy-holdout-6.jsonl", 16, 2 },
        { "privacy-holdout-7.jsonl", 24, 6 },
        { "privacy-holdout-8.jsonl", 29, 8 },
        { "privacy-holdout-9.jsonl", 24, 6 },
    };

    private static readonly Lazy<Redactor> WithNameModel = new(() =>
        new Redactor(new RedactionOptions(), NameRecogniser.Embedded ?? throw new InvalidOperationException("The name model is not embedded.")));

    [Theory]
    [MemberData(nameof(PrivacySetsWithTheNameModel))]
    public void With_the_name_model_a_privacy_set_keeps_its_figures(string set, int maxInClear, int maxFalseRedactions)
    {
        var report = RedactionReport.Run(LabelledRedaction.ReadAll(Repo.LabelledSet(set)), WithNameModel.Value);
        var rules = RedactionReport.Run(LabelledRedaction.ReadAll(Repo.LabelledSet(set)), Redactor.Default);

        Assert.True(report.InClear <= maxInClear, report.Format(verbose: true));
        Assert.True(report.InClear < rules.InClear, $"the model adds nothing: {report.InClear} vs {rules.InClear}");
        Assert.True(report.MessagesWithFalseRedactions <= maxFalseRedactions, report.Format(verbose: true));
    }

    [Theory]
    [InlineData("holdout.jsonl")]
    [InlineData("safety.jsonl")]
    [InlineData("questions-holdout-4.jsonl")]
    public void With_the_name_model_the_question_sets_keep_their_ordinary_words(string set)
    {
        var report = RedactionReport.Run(LabelledRedaction.ReadAll(Repo.LabelledSet(set)), WithNameModel.Value);

        var redacted = report.Messages.Where(m => m.FalseRedactions.Count > 0).ToList();
        Assert.True(redacted.Count == 0, string.Join('\n', redacted.Select(m => $"{m.Row.Id}: {m.Stored}")));
    }

    [Theory]
    [MemberData(nameof(PrivacySets))]
    public void A_privacy_set_keeps_its_figures(string set, int maxInClear, int maxFalseRedactions, string[] kindsAllCaught)
    {
        var report = RedactionReport.Run(LabelledRedaction.ReadAll(Repo.LabelledSet(set)), Redactor.Default);

        Assert.True(report.InClear <= maxInClear, report.Format(verbose: true));
        Assert.True(report.MessagesWithFalseRedactions <= maxFalseRedactions, report.Format(verbose: true));
        foreach (var kind in kindsAllCaught)
        {
            Assert.True(report.Details.Where(d => d.Detail.Kind == kind).All(d => !d.InClear), $"{kind}: " + report.Format(verbose: true));
        }
    }

    [Theory]
    [InlineData("questions.jsonl")]
    [InlineData("holdout.jsonl")]
    [InlineData("safety.jsonl")]
    public void The_question_sets_keep_their_ordinary_words(string set)
    {
        var report = RedactionReport.Run(LabelledRedaction.ReadAll(Repo.LabelledSet(set)), Redactor.Default);

        var redacted = report.Messages.Where(m => m.FalseRedactions.Count > 0 && !QuestionsWithDetails.Contains(m.Row.Id)).ToList();

        Assert.True(redacted.Count == 0, string.Join('\n', redacted.Select(m => $"{m.Row.Id}: {m.Stored}")));
    }

    [Fact]
    public void The_question_rows_with_real_details_are_redacted()
    {
        var report = RedactionReport.Run(LabelledRedaction.ReadAll(Repo.LabelledSet("questions.jsonl")), Redactor.Default);

        Assert.All(report.Messages.Where(m => QuestionsWithDetails.Contains(m.Row.Id)), m => Assert.NotEmpty(m.FalseRedactions));
    }
}
