using FaqBot.Core.Knowledge.Lint;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Lint;

public sealed class ConflictingFactsTests
{
    [Theory]
    [InlineData("An infusion takes 40 minutes.", "An infusion lasts about 60 minutes.")]
    [InlineData("A course is six infusions.", "Most people have eight infusions in a course.")]
    [InlineData("A course is 6 infusions.", "A course is eight to ten sessions.")]
    [InlineData("The infusion lasts 40 minutes.", "The infusion lasts an hour.")]
    public async Task Different_values_for_the_same_topic_conflict(string first, string second)
    {
        using var folder = Folder(first, second);

        var report = await Linting.LintAsync(folder);

        var finding = Linting.Single(report, LintRules.ConflictingFacts, "snippets/zz-second.md", "body");
        Assert.Contains("zz-first.md", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("An infusion takes 40 minutes.", "An infusion takes 40 minutes.")]
    [InlineData("An infusion takes about 45-60 minutes.", "An infusion takes 50 minutes.")]
    [InlineData("An infusion takes 40 minutes.", "An infusion takes anywhere from about 40 minutes to about 90 minutes.")]
    [InlineData("An infusion takes at least 40 minutes.", "An infusion takes 90 minutes.")]
    [InlineData("An infusion takes 40 minutes.", "Arrive 60 minutes before your infusion.")]
    [InlineData("An infusion takes 40 minutes.", "An infusion takes 40 sessions.")]
    public async Task Same_values_overlapping_ranges_other_topics_or_other_units_do_not_conflict(string first, string second)
    {
        using var folder = Folder(first, second);

        var report = await Linting.LintAsync(folder);

        Assert.Empty(report.Of(LintRules.ConflictingFacts));
    }

    [Fact]
    public async Task Two_values_in_one_snippet_are_not_a_conflict()
    {
        using var folder = Linting.ShippedWith("zz-first", SnippetText.Of("zz-first", "First", ["Is there a first test question?"],
            "An infusion takes 40 minutes. Some say an infusion lasts about 60 minutes.", status: "draft"));

        var report = await Linting.LintAsync(folder);

        Assert.Empty(report.Of(LintRules.ConflictingFacts));
    }

    private static KnowledgeFolder Folder(string first, string second)
    {
        var folder = Linting.ShippedWith("zz-first", SnippetText.Of("zz-first", "First", ["Is there a first test question?"], first, status: "draft"));
        folder.Write("snippets/zz-second.md", SnippetText.Of("zz-second", "Second", ["Is there a second test question?"], second, status: "draft"));
        return folder;
    }
}
