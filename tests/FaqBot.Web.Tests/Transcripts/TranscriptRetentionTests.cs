using FaqBot.Storage;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Transcripts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Web.Tests.Transcripts;

public sealed class TranscriptRetentionTests
{
    [Fact]
    public async Task The_retention_service_purges_at_start_and_again_every_interval()
    {
        var folder = Path.Combine(Path.GetTempPath(), "faqbot-retention-" + Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var options = Options.Create(new TranscriptOptions { RetentionDays = 30, PurgeIntervalMinutes = 60 });
        var text = new StoredText(new EphemeralDataProtectionProvider(), options, NullLogger<StoredText>.Instance);
        var protection = new EphemeralDataProtectionProvider();
        var store = new TranscriptStore(new SqliteDatabase(Options.Create(new StorageOptions { DataPath = folder })), text,
            new FaqBot.Storage.Handoffs.CallbackContacts(protection), clock, NullLogger<TranscriptStore>.Instance);
        await store.AppendAsync(Turn("old", clock.GetUtcNow().AddDays(-31)), CancellationToken.None);
        await store.AppendAsync(Turn("ageing", clock.GetUtcNow().AddDays(-29.99)), CancellationToken.None);
        using var retention = new TranscriptRetention(store, options, clock, NullLogger<TranscriptRetention>.Instance);

        await retention.StartAsync(CancellationToken.None);
        var afterStart = await WaitForAsync(() => store.GetAsync("old", CancellationToken.None), found => found is null);
        var ageingKept = await store.GetAsync("ageing", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(60));
        var afterInterval = await WaitForAsync(() => store.GetAsync("ageing", CancellationToken.None), found => found is null);
        await retention.StopAsync(CancellationToken.None);

        Assert.Null(afterStart);
        Assert.NotNull(ageingKept);
        Assert.Null(afterInterval);
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The service works on its own task: poll (briefly) until the condition holds.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 200 && !done(value); i++)
        {
            await Task.Delay(25);
            value = await read();
        }

        return value;
    }

    private static TurnRecord Turn(string conversation, DateTimeOffset at) =>
        new(conversation, "directline", at, [new StoredActivity(conversation + "|1", ActivityDirection.In, "message", at, """{"type":"message"}""")], null, null);
}
