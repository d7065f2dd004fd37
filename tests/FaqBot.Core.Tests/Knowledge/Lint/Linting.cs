using FaqBot.Core.Evaluation;
using FaqBot.Core.Knowledge.Lint;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Lint;

/// <summary>Lints a test knowledge folder the way <c>faqbot lint</c> does, on a fixed date with the
/// shipped retrieval settings.</summary>
internal static class Linting
{
    public static readonly DateOnly Today = new(2026, 12, 1);

    public static IReadOnlyList<LabelledQuestion> ProjectQuestions { get; } = LabelledQuestion.ReadAll(Repo.LabelledSet("questions.jsonl"));

    public static LintSettings Settings(KnowledgeFolder folder, IReadOnlyList<LabelledQuestion>? questions = null) =>
        new(Today, folder.Path) { LabelledQuestions = questions, Retrieval = TestBot.ShippedRetrieval() };

    public static Task<LintReport> LintAsync(KnowledgeFolder folder, IReadOnlyList<LabelledQuestion>? questions = null) =>
        LintAsync(folder, Settings(folder, questions));

    public static Task<LintReport> LintAsync(KnowledgeFolder folder, LintSettings settings) =>
        KnowledgeLinter.LintAsync(folder.Load(settings.Today), settings);

    /// <summary>The findings of one rule.</summary>
    public static List<LintFinding> Of(this LintReport report, string rule) => [.. report.Findings.Where(f => f.Rule == rule)];

    /// <summary>Asserts the one finding of a rule and that it names the snippet file and field.</summary>
    public static LintFinding Single(LintReport report, string rule, string file, string field)
    {
        var finding = Assert.Single(report.Of(rule));
        Assert.EndsWith(file, finding.File.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Equal(field, finding.Field);
        return finding;
    }

    /// <summary>The shipped knowledge with one more snippet file.</summary>
    public static KnowledgeFolder ShippedWith(string id, string text)
    {
        var folder = KnowledgeFolder.CopyOfShipped();
        folder.Write($"snippets/{id}.md", text);
        return folder;
    }
}
