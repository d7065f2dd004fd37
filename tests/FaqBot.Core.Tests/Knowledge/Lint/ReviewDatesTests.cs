using FaqBot.Core.Knowledge;
using FaqBot.Core.Knowledge.Lint;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Lint;

public sealed class ReviewDatesTests
{
    [Fact]
    public async Task An_approved_snippet_past_its_review_date_is_an_error_reported_once()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("snippets/monitoring.md", "reviewBy: 2027-11-23", "reviewBy: 2026-11-30");

        var report = await Linting.LintAsync(folder);

        var finding = Linting.Single(report, LintRules.ReviewDates, "snippets/monitoring.md", "reviewBy");
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Contains("2026-11-30", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Diagnostics, d => d.Field == "reviewBy"); // the loader's own warning is not repeated
    }

    [Theory]
    [InlineData("2026-12-01", 30)] // the last day it serves
    [InlineData("2026-12-31", 30)]
    [InlineData("2027-01-10", 40)]
    public async Task An_approved_snippet_due_within_the_window_is_a_warning(string reviewBy, int window)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("snippets/monitoring.md", "reviewBy: 2027-11-23", "reviewBy: " + reviewBy);

        var report = await Linting.LintAsync(folder, Linting.Settings(folder) with { ExpiringWithinDays = window });

        var finding = Linting.Single(report, LintRules.ReviewDates, "snippets/monitoring.md", "reviewBy");
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.False(report.HasErrors);
    }

    [Theory]
    [InlineData("approved", "2027-01-01", 30)] // 31 days away
    [InlineData("draft", "2026-11-01", 30)] // drafts are not served anyway
    [InlineData("retired", "2026-11-01", 30)]
    public async Task Outside_the_window_or_not_approved_is_not_reported(string status, string reviewBy, int window)
    {
        using var folder = Linting.ShippedWith("zz-dated", SnippetText.Of(
            "zz-dated", "Dated", ["Is there a dated test question?"], "A dated answer.", status: status, reviewBy: reviewBy));

        var report = await Linting.LintAsync(folder, Linting.Settings(folder) with { ExpiringWithinDays = window });

        Assert.Empty(report.Of(LintRules.ReviewDates));
    }
}
