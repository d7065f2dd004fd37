using System.Text.Json;
using FaqBot.Cli.Tests.Support;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Tests.Transcripts;

/// <summary><c>faqbot transcripts</c> as a process over a database of its own, seeded through the store.</summary>
public sealed class TranscriptsCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "faqbot-cli-transcripts-" + Guid.NewGuid().ToString("N"));

    private Dictionary<string, string> Environment => new() { ["Storage__DataPath"] = _folder };

    public async Task InitializeAsync()
    {
        await using var services = StorageHost.Build(_folder);
        var store = services.GetRequiredService<TranscriptStore>();
        var now = DateTimeOffset.UtcNow;
        await store.AppendAsync(Turn("recent", now.AddHours(-1), "answer"), CancellationToken.None);
        await store.AppendAsync(Turn("declined", now.AddHours(-2), "decline", "urgent"), CancellationToken.None);
        await store.AppendAsync(Turn("ancient", now.AddDays(-45), "answer"), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<ConversationDetail?> StoredAsync(string id)
    {
        await using var services = StorageHost.Build(_folder);
        return await services.GetRequiredService<TranscriptStore>().GetAsync(id, CancellationToken.None);
    }

    [Theory]
    [InlineData("Transcripts__RetentionDays", "abc", "Transcripts:RetentionDays")]
    [InlineData("Transcripts__EncryptAtRest", "maybe", "Transcripts:EncryptAtRest")]
    public async Task A_setting_that_does_not_convert_is_exit_code_2_with_its_name(string variable, string value, string named)
    {
        var environment = Environment;
        environment[variable] = value;

        var result = await CliProcess.RunAsync(null, environment, "transcripts", "purge");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Invalid settings", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(named, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_one_conversation_as_a_transcript_array()
    {
        var output = Path.Combine(_folder, "recent.transcript");

        var result = await CliProcess.RunAsync(null, Environment, "transcripts", "export", "--conversation", "recent", "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        Assert.Equal(["message", "message"], document.RootElement.EnumerateArray().Select(a => a.GetProperty("type").GetString()));
        // Stored encrypted, read with the keys of the data folder.
        Assert.Equal(["hello", "hello"], document.RootElement.EnumerateArray().Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Export_writes_the_filtered_list_as_csv_to_standard_output()
    {
        var result = await CliProcess.RunAsync(null, Environment, "transcripts", "export", "--outcome", "DeclinedUrgent");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("id,channel,started", result.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("declined,", Assert.Single(result.OutputLines.Skip(1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_deletes_conversations_older_than_the_retention_period_only()
    {
        var result = await CliProcess.RunAsync(null, Environment, "transcripts", "purge");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Purged 1 conversation(s) idle for more than 30 day(s).", result.StandardOutput, StringComparison.Ordinal);
        Assert.Null(await StoredAsync("ancient"));
        Assert.NotNull(await StoredAsync("recent"));
    }

    [Fact]
    public async Task Delete_removes_one_conversation_and_says_when_there_is_none()
    {
        var deleted = await CliProcess.RunAsync(null, Environment, "transcripts", "delete", "--conversation", "recent");
        var again = await CliProcess.RunAsync(null, Environment, "transcripts", "delete", "--conversation", "recent");

        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Null(await StoredAsync("recent"));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("No stored conversation recent", again.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_exit_with_2()
    {
        var badDate = await CliProcess.RunAsync(null, Environment, "transcripts", "export", "--from", "23/11/2026");
        var badDays = await CliProcess.RunAsync(null, Environment, "transcripts", "purge", "--older-than-days", "0");

        Assert.Equal(2, badDate.ExitCode);
        Assert.Equal(2, badDays.ExitCode);
    }

    private static TurnRecord Turn(string conversation, DateTimeOffset at, string outcome, string? category = null)
    {
        static StoredActivity Activity(string id, ActivityDirection direction, DateTimeOffset at) =>
            new(id, direction, "message", at, JsonSerializer.Serialize(new { type = "message", id, text = "hello" }));

        return new TurnRecord(conversation, "directline", at,
            [Activity(conversation + "|1", ActivityDirection.In, at), Activity(conversation + "|2", ActivityDirection.Out, at)],
            new TurnSummary(conversation + "|1", conversation + "|2", at, "hello", outcome, category, 0.9, false, null, null, null, 0, "{}"),
            null);
    }
}
