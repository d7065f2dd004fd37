using System.Text.Json;
using FaqBot.Cli.Tests.Support;

namespace FaqBot.Cli.Tests.Ask;

/// <summary><c>faqbot ask</c> run as a process, as a person or a script would.</summary>
[Collection(CliProcessGroup.Name)]
public sealed class AskProcessTests
{
    [Fact]
    public async Task Ask_prints_the_getting_home_snippet_and_its_source()
    {
        var result = await CliProcess.RunAsync(null, "ask", "Can I drive home after my infusion?");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = SnippetFile.Body(Path.Combine(RepoPaths.Snippets, "getting-home.md"));
        Assert.Contains(body, result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(result.OutputLines, l => l.StartsWith("Source:", StringComparison.Ordinal));
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task Ask_jsonl_answers_each_stdin_line_in_order()
    {
        var input = string.Join('\n',
            "{\"id\": \"one\", \"question\": \"Can I drive home after my infusion?\"}",
            "{\"id\": \"two\", \"question\": ",
            "{\"id\": \"three\", \"question\": \"do you take insurance\"}") + "\n";

        var result = await CliProcess.RunAsync(input, "ask", "--jsonl");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.OutputLines;
        Assert.Equal(3, lines.Length);
        var roots = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal("one", roots[0].GetProperty("id").GetString());
        Assert.Equal("answered", roots[0].GetProperty("outcome").GetString());
        Assert.Equal("getting-home", roots[0].GetProperty("citations")[0].GetProperty("snippetId").GetString());
        Assert.Equal(JsonValueKind.Null, roots[1].GetProperty("id").ValueKind);
        Assert.Equal("invalid", roots[1].GetProperty("outcome").GetString());
        Assert.Equal("three", roots[2].GetProperty("id").GetString());
        Assert.Equal("unanswered", roots[2].GetProperty("outcome").GetString());
        Assert.Empty(roots[2].GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Ask_without_a_question_or_jsonl_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync(null, "ask");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(string.IsNullOrWhiteSpace(result.StandardError), result.ToString());
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task Ask_with_both_a_question_and_jsonl_is_a_usage_error()
    {
        var result = await CliProcess.RunAsync("", "ask", "--jsonl", "Can I drive home?");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("not both", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_knowledge_folder_that_does_not_exist_is_a_configuration_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "faqbot-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var result = await CliProcess.RunAsync(null, "--knowledge", missing, "ask", "Can I drive home after my infusion?");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(missing, result.StandardError, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }
}
