using FaqBot.Core.Evaluation;
using FaqBot.Core.Knowledge.Lint;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Lint;

public sealed class UnreachedSnippetsTests
{
    [Fact]
    public async Task An_approved_snippet_no_labelled_question_reaches_is_a_warning()
    {
        using var folder = Linting.ShippedWith("zz-lockers", SnippetText.Of(
            "zz-lockers", "Lockers for your belongings", ["Are there lockers for my belongings?", "Where do I leave my coat and bag?"],
            "There are lockers in the waiting room for your coat and bag."));

        var report = await Linting.LintAsync(folder, Linting.ProjectQuestions);

        var finding = Linting.Single(report, LintRules.UnreachedSnippets, "snippets/zz-lockers.md", "");
        Assert.False(finding.IsError);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public async Task A_labelled_question_answered_with_the_snippet_reaches_it()
    {
        using var folder = Linting.ShippedWith("zz-lockers", SnippetText.Of(
            "zz-lockers", "Lockers for your belongings", ["Are there lockers for my belongings?", "Where do I leave my coat and bag?"],
            "There are lockers in the waiting room for your coat and bag."));
        var questions = Linting.ProjectQuestions
            .Append(new LabelledQuestion("l1", "is there a locker i can put my bag and coat in", "answered", [], null, [], ["zz-lockers"]))
            .ToList();

        var report = await Linting.LintAsync(folder, questions);

        Assert.Empty(report.Of(LintRules.UnreachedSnippets));
    }

    [Fact]
    public async Task Only_snippets_the_set_answers_with_are_reached()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        LabelledQuestion[] questions = [new("w1", "What should I wear to my infusion?", "answered", [], null, [], ["what-to-wear"])];

        var report = await Linting.LintAsync(folder, questions);

        var unreached = report.Of(LintRules.UnreachedSnippets);
        Assert.Equal(24, unreached.Count);
        Assert.DoesNotContain(unreached, f => f.File.EndsWith("what-to-wear.md", StringComparison.Ordinal));
        Assert.Contains(unreached, f => f.File.EndsWith("getting-home.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Drafts_and_snippets_past_review_are_not_expected_to_be_reached()
    {
        using var folder = Linting.ShippedWith("zz-parking", SnippetText.Of(
            "zz-parking", "Parking at the clinic", ["Is there parking at the clinic?"], "There is free parking behind the building.", status: "draft"));
        folder.Write("snippets/zz-old.md", SnippetText.Of("zz-old", "Old opening hours", ["When were you open last year?"], "We were open on weekdays.", reviewBy: "2026-01-31"));

        var report = await Linting.LintAsync(folder, Linting.ProjectQuestions);

        Assert.Empty(report.Of(LintRules.UnreachedSnippets));
        Linting.Single(report, LintRules.ReviewDates, "snippets/zz-old.md", "reviewBy");
    }
}
