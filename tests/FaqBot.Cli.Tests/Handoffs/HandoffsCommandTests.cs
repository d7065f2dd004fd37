using System.Text.Json;
using FaqBot.Cli.Tests.Support;
using FaqBot.Core.Answering;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Handoffs;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Tests.Handoffs;

/// <summary><c>faqbot handoffs list</c> over a store with an urgent item, an unanswered one with a
/// callback request, and a closed one.</summary>
public sealed class HandoffsCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "faqbot-cli-handoffs-" + Guid.NewGuid().ToString("N"));

    private Dictionary<string, string> Environment => new() { ["Storage__DataPath"] = _folder };

    public async Task InitializeAsync()
    {
        await using var services = StorageHost.Build(_folder);
        var store = services.GetRequiredService<TranscriptStore>();
        var now = DateTimeOffset.UtcNow;
        await store.AppendAsync(Turns.Of("parking", now.AddMinutes(-90), "no-answer", handoff: Turns.Handoff("no-answer", now.AddMinutes(-90))), CancellationToken.None);
        await store.AppendAsync(new TurnRecord("parking", "webchat", now.AddMinutes(-80), [], null, null)
        {
            Callback = new CallbackRecord(new CallbackContact("Philippa Outerbridge", "+19135550147", "philippa@example.org", "mornings", "callback-consent", 1, now), now.AddMinutes(-80)),
        }, CancellationToken.None);
        await store.AppendAsync(Turns.Of("crisis", now.AddMinutes(-5), "decline", "urgent", handoff: Turns.Handoff("urgent", now.AddMinutes(-5), urgent: true)), CancellationToken.None);
        await store.AppendAsync(Turns.Of("done", now.AddDays(-2), "no-answer", handoff: Turns.Handoff("no-answer", now.AddDays(-2))), CancellationToken.None);
        var done = (await store.HandoffsAsync(false, CancellationToken.None)).Single(h => h.ConversationId == "done");
        await store.SetHandoffStatusAsync(done.Id, HandoffStatus.Closed, "sam", now, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_table_lists_open_items_urgent_first_with_the_callback_masked_and_the_listing_is_audited()
    {
        var result = await CliProcess.RunAsync(null, Environment, "handoffs", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = result.OutputLines.Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("\turgent\t", rows[0], StringComparison.Ordinal);
        Assert.Contains("crisis", rows[0], StringComparison.Ordinal);
        Assert.Contains("\t1 h 30 min\tno-answer\tnew\tP… …47 p…@example.org\tparking", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Outerbridge", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("5550147", result.StandardOutput, StringComparison.Ordinal);
        await using var services = StorageHost.Build(_folder);
        var audit = new AuditLog(services.GetRequiredService<SqliteDatabase>(), TimeProvider.System);
        Assert.Contains(await audit.ListAsync(new AuditQuery(Action: "handoffs.list"), CancellationToken.None), e => e.Actor.StartsWith("cli:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_with_all_includes_the_closed_item_and_names_priority_and_status()
    {
        var result = await CliProcess.RunAsync(null, Environment, "handoffs", "list", "--json", "--all");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.StandardOutput);
        var items = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(["crisis", "done", "parking"], items.Select(i => i.GetProperty("conversationId").GetString()));
        Assert.Equal(["urgent", "normal", "normal"], items.Select(i => i.GetProperty("priority").GetString()));
        Assert.Equal("closed", items[1].GetProperty("status").GetString());
        Assert.True(items[2].GetProperty("callback").GetBoolean());
        Assert.Equal("…47", items[2].GetProperty("phone").GetString());
        Assert.DoesNotContain("Outerbridge", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(HandoffDecision.NoAnswer, items[2].GetProperty("reason").GetString());
    }
}
