using System.Text.RegularExpressions;
using FaqBot.Cli.Tests.Support;

namespace FaqBot.Cli.Tests.Lint;

/// <summary><c>faqbot lint</c> run as a process over the shipped knowledge and broken copies of it.</summary>
[Collection(CliProcessGroup.Name)]
public sealed class LintProcessTests
{
    [Fact]
    public async Task The_shipped_knowledge_passes()
    {
        var result = await CliProcess.RunAsync(null, "lint");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("OK", result.OutputLines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(result.OutputLines, l => l.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_knowledge_folder_that_does_not_exist_is_a_usage_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "faqbot-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var result = await CliProcess.RunAsync(null, "lint", "--knowledge", missing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(missing, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_that_is_not_in_its_source_is_reported_on_source_quote()
    {
        using var knowledge = new TempKnowledge();
        knowledge.Edit("getting-home", text => text.Replace(
            "quote: \"You should not drive a car",
            "quote: \"You should never ever drive a car",
            StringComparison.Ordinal));

        var result = await CliProcess.RunAsync(null, "lint", "--knowledge", knowledge.Folder);

        AssertError(result, "getting-home", "source.quote");
    }

    [Fact]
    public async Task A_missing_review_by_date_is_reported_on_review_by()
    {
        using var knowledge = new TempKnowledge();
        knowledge.Edit("what-to-wear", text => Regex.Replace(text, @"^reviewBy:.*\r?\n", "", RegexOptions.Multiline));

        var result = await CliProcess.RunAsync(null, "lint", "--knowledge", knowledge.Folder);

        AssertError(result, "what-to-wear", "reviewBy");
    }

    [Theory]
    [InlineData("unclosed quote")]
    [InlineData("bad indentation")]
    public async Task Bad_yaml_is_reported_on_the_front_matter(string breakage)
    {
        using var knowledge = new TempKnowledge();
        knowledge.Edit("monitoring", text => breakage switch
        {
            "unclosed quote" => Regex.Replace(text, "^title: \"(.*)\"$", "title: \"$1", RegexOptions.Multiline),
            _ => Regex.Replace(text, "^status: ", "   status:\n - ", RegexOptions.Multiline),
        });

        var result = await CliProcess.RunAsync(null, "lint", "--knowledge", knowledge.Folder);

        AssertError(result, "monitoring", "front matter");
    }

    private static void AssertError(CliResult result, string snippet, string field)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        var file = $"snippets/{snippet}.md";
        var errors = result.OutputLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.Contains(file + ": " + field + ":", error, StringComparison.Ordinal);
        Assert.StartsWith("FAILED", result.OutputLines[^1], StringComparison.Ordinal);
    }
}
