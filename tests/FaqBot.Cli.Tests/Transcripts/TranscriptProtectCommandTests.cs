using System.Text.Json;
using FaqBot.Cli.Tests.Support;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Tests.Transcripts;

/// <summary><c>faqbot transcripts protect</c> over a database whose rows were stored in plain
/// before encryption at rest was on.</summary>
public sealed class TranscriptProtectCommandTests : IAsyncLifetime
{
    private const string Word = "Brackenthorpe";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "faqbot-cli-protect-" + Guid.NewGuid().ToString("N"));

    private Dictionary<string, string> Environment => new() { ["Storage__DataPath"] = _folder };

    public async Task InitializeAsync()
    {
        await using var services = StorageHost.Build(_folder, ("Transcripts:EncryptAtRest", "false"));
        var store = services.GetRequiredService<TranscriptStore>();
        foreach (var id in new[] { "a", "b", "c" })
        {
            await store.AppendAsync(Turn(id, DateTimeOffset.UtcNow.AddHours(-1)), CancellationToken.None);
        }
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Protect_encrypts_the_plain_rows_in_batches_showing_progress_and_the_export_still_reads_them()
    {
        var before = await PlainValuesAsync();

        var result = await CliProcess.RunAsync(null, Environment, "transcripts", "protect", "--batch", "4");
        var export = await CliProcess.RunAsync(null, Environment, "transcripts", "export", "--conversation", "b");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(12, before);
        Assert.Equal(["activities.json: 0/6", "activities.json: 4/6", "activities.json: 6/6"], result.OutputLines.Where(l => l.StartsWith("activities.json", StringComparison.Ordinal)));
        Assert.Contains("Protected 12 stored value(s).", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, await PlainValuesAsync());
        Assert.True(export.ExitCode == 0, export.ToString());
        using var document = JsonDocument.Parse(export.StandardOutput);
        Assert.All(document.RootElement.EnumerateArray(), a => Assert.Contains(Word, a.GetProperty("text").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Protect_is_refused_while_new_text_would_still_be_stored_in_plain()
    {
        var settings = new Dictionary<string, string>(Environment) { ["Transcripts__EncryptAtRest"] = "false" };

        var result = await CliProcess.RunAsync(null, settings, "transcripts", "protect");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Transcripts:EncryptAtRest is false", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(12, await PlainValuesAsync());
    }

    /// <summary>How many values of the protected columns hold <see cref="Word"/> as it is on disk.</summary>
    private async Task<int> PlainValuesAsync()
    {
        await using var services = StorageHost.Build(_folder);
        var values = await DiskContents.ProtectedValuesAsync(services.GetRequiredService<SqliteDatabase>());
        return values.Count(v => v.Value.Contains(Word, StringComparison.Ordinal));
    }

    private static TurnRecord Turn(string conversation, DateTimeOffset at)
    {
        static StoredActivity Activity(string id, ActivityDirection direction, DateTimeOffset at) =>
            new(id, direction, "message", at, JsonSerializer.Serialize(new { type = "message", id, text = $"about {Word}" }));

        return new TurnRecord(conversation, "directline", at,
            [Activity(conversation + "|1", ActivityDirection.In, at), Activity(conversation + "|2", ActivityDirection.Out, at)],
            new TurnSummary(conversation + "|1", conversation + "|2", at, $"about {Word}", "answer", null, 0.9, false, null, null, null, 0,
                $$"""{"terms":["{{Word}}"]}"""),
            null);
    }
}
