using FaqBot.Core.Evaluation;
using FaqBot.Core.Privacy;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>The redactor on the labelled sets, held at the figures it reached (pass marks a little
/// below them, so a regression fails): tests/labelled/privacy-dev.jsonl and
/// tests/labelled/privacy-holdout.jsonl, tests/labelled/privacy-holdout-2.jsonl and
/// tests/labelled/privacy-holdout-3.jsonl, the development sets of messages with personal details in
/// varied forms, and the question sets, whose ordinary words must stay. A fresh held-out privacy
/// set is scored apart and never read by a test.</summary>
public sealed class LabelledRedactionTests
{
    /// <summary>Rows of questions.jsonl that hold real personal details on purpose.</summary>
    private static readonly HashSet<string> QuestionsWithDetails = ["q157", "q158", "q159", "q160", "q161"];

    [Fact]
    public void The_development_set_keeps_its_figures()
    {
        var report = RedactionReport.Run(LabelledRedaction.ReadAll(Repo.LabelledSet("privacy-dev.jsonl")), Redactor.Default);

        // Reached: 0 of 268 details in clear; no false redaction.
        Assert.True(report.InClear <= 2, report.Format(verbose: true));
        Assert.True(report.MessagesWithFalseRedactions <= 1, report.Format(verbose: true));
        foreach (var kind in new[] { "phone", "email", "address", "id", "card", "date", "other" })
        {
            Assert.True(report.Details.Where(d => d.Detail.Kind == kind).All(d => !d.InClear), $"{kind}: " + report.Format(verbose: true));
        }
    }

    [Fact]
    public void The_second_development_set_keeps_its_figures()
    {
        var report = RedactionReport.Run(LabelledRedaction.ReadAll(Repo.LabelledSet("privacy-holdout.jsonl")), Redactor.Default);

        // Reached: 2 of 226 details in clear (two workplace descriptions, "other"); one message with a
        // redaction outside the labels: the second mention of a labelled name ("(Wei is my first
        // name)"), which the report places at the first mention only.
        Assert.True(report.InClear <= 4, report.Format(verbose: true));
        Assert.True(report.MessagesWithFalseRedactions <= 2, report.Format(verbose: true));
        foreach (var kind in new[] { "name", "phone", "email", "address", "id", "card", "date" })
        {
            Assert.True(report.Details.Where(d => d.Detail.Kind == kind).All(d => !d.InClear), $"{kind}: " + report.Format(verbose: true));
        }
    }

    [Fact]
    public void The_third_development_set_keeps_its_figures()
    {
        var report = RedactionReport.Run(LabelledRedaction.ReadAll(Repo.LabelledSet("privacy-holdout-2.jsonl")), Redactor.Default);

        // Reached: 0 of 306 details in clear; one message with a redaction outside the labels: the
        // second mention of a labelled name ("Teresa's mobile"), which the report places at the first only.
        Assert.True(report.InClear <= 3, report.Format(verbose: true));
        Assert.True(report.MessagesWithFalseRedactions <= 2, report.Format(verbose: true));
    }

    [Fact]
    public void The_fourth_development_set_keeps_its_figures()
    {
        var report = RedactionReport.Run(LabelledRedaction.ReadAll(Repo.LabelledSet("privacy-holdout-3.jsonl")), Redactor.Default);

        // Reached: 7 of 319 details in clear (five workplace and role descriptions, "other"; a given
        // name in lower case, "its sky"; "Winter Snow", two everyday words); one message with a
        // redaction outside the labels ("the nurse practicioner", a misspelt word read as a name).
        Assert.True(report.InClear <= 9, report.Format(verbose: true));
        Assert.True(report.MessagesWithFalseRedactions <= 2, report.Format(verbose: true));
        foreach (var kind in new[] { "phone", "email", "address", "id", "card", "date" })
        {
            Assert.True(report.Details.Where(d => d.Detail.Kind == kind).All(d => !d.InClear), $"{kind}: " + report.Format(verbose: true));
        }
    }

    [Fact]
    public void The_fifth_development_set_keeps_its_figures()
    {
        var report = RedactionReport.Run(LabelledRedaction.ReadAll(Repo.LabelledSet("privacy-holdout-4.jsonl")), Redactor.Default);

        // Reached: 36 of 315 details in clear (descriptions by workplace and role, names and
        // addresses in other scripts, rural-route and Irish addresses, ids without a cue, dates of
        // other calendars); two messages with a redaction outside the labels, both a family name
        // said again alone ("Kim", "Sato"), which is right.
        Assert.True(report.InClear <= 38, report.Format(verbose: true));
        Assert.True(report.MessagesWithFalseRedactions <= 3, report.Format(verbose: true));
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
