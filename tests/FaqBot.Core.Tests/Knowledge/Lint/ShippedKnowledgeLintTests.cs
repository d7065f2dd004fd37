using FaqBot.Core.Knowledge;
using FaqBot.Core.Knowledge.Lint;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Lint;

public sealed class ShippedKnowledgeLintTests
{
    [Fact]
    public async Task The_shipped_knowledge_has_no_finding_and_every_rule_runs()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var report = await Linting.LintAsync(folder, Linting.ProjectQuestions);

        Assert.Empty(report.Diagnostics);
        Assert.Empty(report.Findings);
        Assert.Empty(report.Notes);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public async Task Without_a_labelled_set_the_unreached_rule_is_skipped_with_one_note()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var report = await Linting.LintAsync(folder);

        Assert.Empty(report.Findings);
        var note = Assert.Single(report.Notes);
        Assert.Contains(LintRules.UnreachedSnippets, note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_cannot_be_served_still_reports_its_load_diagnostics()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Delete("retrieval.yaml");

        var report = await Linting.LintAsync(folder, Linting.ProjectQuestions);

        Assert.True(report.HasErrors);
        Assert.Contains(report.Diagnostics, d => d.IsError && d.File.EndsWith("retrieval.yaml", StringComparison.Ordinal));
        Assert.Empty(report.Findings);
        Assert.Single(report.Notes);
    }

    [Fact]
    public void A_finding_prints_like_a_diagnostic_with_the_rule_after_the_field()
    {
        var finding = new LintFinding(LintRules.CollidingQuestions, DiagnosticSeverity.Warning, "knowledge/snippets/x.md", "questions[2]", "same as y");

        Assert.Equal("warning: knowledge/snippets/x.md: questions[2]: colliding-questions: same as y", finding.ToString());
        Assert.Equal("error: knowledge/snippets/x.md: broken-links: gone", (finding with { Severity = DiagnosticSeverity.Error, Field = "", Rule = LintRules.BrokenLinks, Message = "gone" }).ToString());
    }
}
