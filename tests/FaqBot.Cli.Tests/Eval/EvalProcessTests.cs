using System.Text.Json;
using FaqBot.Cli.Tests.Support;

namespace FaqBot.Cli.Tests.Eval;

/// <summary><c>faqbot eval</c> run as a process over a small labelled set written for the test.</summary>
[Collection(CliProcessGroup.Name)]
public sealed class EvalProcessTests
{
    [Fact]
    public async Task A_set_the_bot_gets_right_passes_and_prints_each_group()
    {
        using var scratch = new TempKnowledge();
        var file = WriteLabelledSet(scratch);

        var result = await CliProcess.RunAsync(null, "eval", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.OutputLines;
        Assert.Contains(lines, l => l.StartsWith("answer", StringComparison.Ordinal) && l.Contains("1/1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("abstain", StringComparison.Ordinal) && l.Contains("1/1", StringComparison.Ordinal));
        Assert.StartsWith("OK:", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_answer_threshold_fails()
    {
        using var scratch = new TempKnowledge();
        var file = WriteLabelledSet(scratch);

        var result = await CliProcess.RunAsync(null, "eval", file, "--min-answer", "1.01");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("FAILS answer", result.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_labelled_file_that_does_not_exist_is_a_configuration_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "faqbot-no-such-set-" + Guid.NewGuid().ToString("N") + ".jsonl");

        var result = await CliProcess.RunAsync(null, "eval", missing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(missing, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_knowledge_folder_that_does_not_exist_is_a_configuration_error()
    {
        using var scratch = new TempKnowledge();
        var file = WriteLabelledSet(scratch);
        var missing = Path.Combine(scratch.Scratch, "no-such-knowledge");

        var result = await CliProcess.RunAsync(null, "eval", file, "--knowledge", missing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("does not exist", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }

    /// <summary>One answerable row whose keywords come from the getting-home snippet's own text, one out-of-scope row.</summary>
    private static string WriteLabelledSet(TempKnowledge scratch)
    {
        var body = SnippetFile.Body(Path.Combine(RepoPaths.Snippets, "getting-home.md")).ToLowerInvariant();
        var keywords = body.Split([' ', '.', ',', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 6 && w.All(char.IsLetter))
            .Take(2)
            .ToArray();
        Assert.Equal(2, keywords.Length);
        var rows = new[]
        {
            JsonSerializer.Serialize(new { id = "e1", question = "Can I drive home after my infusion?", expect = "answered", any = keywords, snippet = "getting-home" }),
            JsonSerializer.Serialize(new { id = "e2", question = "do you take insurance", expect = "unanswered" }),
        };
        var path = Path.Combine(scratch.Scratch, "labelled.jsonl");
        File.WriteAllText(path, string.Join('\n', rows) + "\n");
        return path;
    }
}
