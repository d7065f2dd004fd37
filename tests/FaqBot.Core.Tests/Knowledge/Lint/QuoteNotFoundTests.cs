using FaqBot.Core.Knowledge.Lint;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Lint;

public sealed class QuoteNotFoundTests
{
    [Theory]
    [InlineData("\"You should not drive a car", "\"You should never ever drive a car", "source.quote")]
    [InlineData("\"avoid driving or operating heavy machinery that day\"", "\"avoid driving on that day\"", "seeAlso[1].quote")]
    public async Task A_quote_missing_from_its_source_is_labelled_with_the_rule(string quote, string changed, string field)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("snippets/getting-home.md", quote, changed);

        var report = await Linting.LintAsync(folder);

        var finding = Linting.Single(report, LintRules.QuoteNotFound, "snippets/getting-home.md", field);
        Assert.True(finding.IsError);
        Assert.DoesNotContain(report.Diagnostics, d => d.Field == field); // not printed twice
        Assert.StartsWith("error: ", finding.ToString(), StringComparison.Ordinal);
        Assert.Contains($"getting-home.md: {field}: quote-not-found: ", finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_quote_stays_a_loader_error()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("snippets/getting-home.md", "  quote: \"You should not drive a car or operate heavy machinery for the rest of the day.\"\n", "");

        var report = await Linting.LintAsync(folder);

        Assert.Empty(report.Of(LintRules.QuoteNotFound));
        Assert.Contains(report.Diagnostics, d => d.IsError && d.Field == "source.quote");
    }
}
