using FaqBot.Cli.Tests.Support;

namespace FaqBot.Cli.Tests.Eval;

/// <summary><c>faqbot train-names</c> run as a process: a small model trained and written, and bad arguments refused.</summary>
[Collection(CliProcessGroup.Name)]
public sealed class TrainNamesProcessTests
{
    [Fact]
    public async Task A_model_is_trained_on_labelled_messages_and_written_with_its_figures()
    {
        using var scratch = new TempKnowledge();
        var set = Path.Combine(scratch.Folder, "names.jsonl");
        var lines = new List<string>();
        string[] names = ["Priya", "Oluwaseun", "Tamsin", "Xiomara", "Wojciech", "Siobhan", "Kwame", "Ingrid"];
        for (var i = 0; i < 24; i++)
        {
            var name = names[i % names.Length];
            lines.Add($$"""{"id": "n{{i}}", "text": "thanks so much, {{name}} will drive me home, is parking free?", "details": [{"text": "{{name}}", "kind": "name"}]}""");
            lines.Add($$"""{"id": "q{{i}}", "question": "Is parking free at the Main Street clinic on day {{i}}?"}""");
        }

        await File.WriteAllLinesAsync(set, lines);
        var model = Path.Combine(scratch.Folder, "names.bin");

        var result = await CliProcess.RunAsync(null, "train-names", "--folds", "2", "--threshold", "0.6", "-o", model, set);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.OutputLines, l => l.TrimStart().StartsWith("0.60", StringComparison.Ordinal));
        Assert.True(new FileInfo(model).Length > 1_000);

        var scored = await CliProcess.RunAsync(null, "eval-redaction", "--name-model", model, "--max-in-clear", "1", "--max-false", "1", set);
        Assert.True(scored.ExitCode == 0, scored.ToString());
    }

    [Theory]
    [InlineData("--threshold", "1.5")]
    [InlineData("--folds", "1")]
    public async Task Bad_settings_are_refused_before_any_training(string option, string value)
    {
        using var scratch = new TempKnowledge();
        var set = Path.Combine(scratch.Folder, "names.jsonl");
        await File.WriteAllTextAsync(set, """{"id": "q1", "question": "Is parking free?"}""");

        var result = await CliProcess.RunAsync(null, "train-names", option, value, "-o", Path.Combine(scratch.Folder, "m.bin"), set);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.False(File.Exists(Path.Combine(scratch.Folder, "m.bin")));
    }

    [Fact]
    public async Task A_set_that_does_not_exist_is_a_configuration_error()
    {
        using var scratch = new TempKnowledge();

        var result = await CliProcess.RunAsync(null, "train-names", "-o", Path.Combine(scratch.Folder, "m.bin"), Path.Combine(scratch.Folder, "missing.jsonl"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("missing.jsonl", result.ToString(), StringComparison.Ordinal);
    }
}
