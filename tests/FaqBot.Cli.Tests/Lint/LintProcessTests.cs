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
        var summary = Assert.Single(result.OutputLines); // no finding, warning or note at all: every rule ran and passed
        Assert.Contains("0 error(s), 0 warning(s)", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clinical_advice_in_an_answer_fails_and_names_the_rule()
    {
        using var knowledge = new TempKnowledge();
        knowledge.Edit("what-to-wear", text => text.Replace(
            "Wear loose-fitting, comfortable clothing",
            "The usual dose is 0.5 mg/kg. Wear loose-fitting, comfortable clothing",
            StringComparison.Ordinal));

        var result = await CliProcess.RunAsync(null, "lint", "--knowledge", knowledge.Folder);

        AssertError(result, "what-to-wear", "body");
        Assert.Contains(result.OutputLines, l => l.Contains("what-to-wear.md: body: clinical-advice-in-answer: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quote_not_in_its_source_is_labelled_quote_not_found()
    {
        using var knowledge = new TempKnowledge();
        knowledge.Edit("getting-home", text => text.Replace("quote: \"You should not drive a car", "quote: \"You must not drive a car", StringComparison.Ordinal));

        var result = await CliProcess.RunAsync(null, "lint", "--knowledge", knowledge.Folder);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(result.OutputLines, l => l.StartsWith("error: ", StringComparison.Ordinal)
            && l.Contains("getting-home.md: source.quote: quote-not-found: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_review_due_within_the_window_is_a_warning_and_the_window_is_an_option()
    {
        using var knowledge = new TempKnowledge();
        var due = DateOnly.FromDateTime(DateTime.Now).AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        knowledge.Edit("monitoring", text => Regex.Replace(text, @"^reviewBy:.*$", "reviewBy: " + due, RegexOptions.Multiline));

        var byDefault = await CliProcess.RunAsync(null, "lint", "--knowledge", knowledge.Folder);
        var wider = await CliProcess.RunAsync(null, "lint", "--knowledge", knowledge.Folder, "--expiring-within", "45");

        Assert.True(byDefault.ExitCode == 0, byDefault.ToString());
        Assert.DoesNotContain(byDefault.OutputLines, l => l.Contains("review-dates", StringComparison.Ordinal));
        Assert.True(wider.ExitCode == 0, wider.ToString());
        var warning = Assert.Single(wider.OutputLines, l => l.Contains("review-dates", StringComparison.Ordinal));
        Assert.StartsWith("warning: ", warning, StringComparison.Ordinal);
        Assert.Contains("snippets/monitoring.md: reviewBy: review-dates: ", warning, StringComparison.Ordinal);
        Assert.StartsWith("OK", wider.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_expiring_window_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync(null, "lint", "--expiring-within", "-1");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--expiring-within", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snippets_no_question_of_the_given_labelled_sets_reaches_are_warnings()
    {
        using var knowledge = new TempKnowledge();
        var first = Path.Combine(knowledge.Scratch, "wear.jsonl");
        var second = Path.Combine(knowledge.Scratch, "home.jsonl");
        File.WriteAllText(first, "{\"id\": \"a\", \"question\": \"What should I wear to my infusion?\", \"expect\": \"answered\", \"snippet\": \"what-to-wear\"}\n");
        File.WriteAllText(second, "{\"id\": \"b\", \"question\": \"Can I drive myself home after my infusion?\", \"expect\": \"answered\", \"snippet\": \"getting-home\"}\n");

        var result = await CliProcess.RunAsync(null, "lint", "--knowledge", knowledge.Folder, "--labelled", first, "--labelled", second);

        Assert.True(result.ExitCode == 0, result.ToString());
        var unreached = result.OutputLines.Where(l => l.Contains(": unreached-snippets: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(23, unreached.Count);
        Assert.All(unreached, l => Assert.StartsWith("warning: ", l, StringComparison.Ordinal));
        Assert.DoesNotContain(unreached, l => l.Contains("what-to-wear.md", StringComparison.Ordinal) || l.Contains("getting-home.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_labelled_set_that_does_not_exist_is_a_usage_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "faqbot-no-such-set-" + Guid.NewGuid().ToString("N") + ".jsonl");

        var result = await CliProcess.RunAsync(null, "lint", "--labelled", missing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(missing, result.StandardError, StringComparison.Ordinal);
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
