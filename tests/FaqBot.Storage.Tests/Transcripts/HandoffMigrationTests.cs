using FaqBot.Core.Answering;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.Tests.Transcripts;

/// <summary>A database written before handoff items had a priority, a claimed status and contact
/// details keeps its items when it is opened by this version.</summary>
public sealed class HandoffMigrationTests
{
    [Fact]
    public async Task Items_of_the_previous_schema_keep_their_status_and_get_the_priority_their_reason_gives()
    {
        var folder = Path.Combine(Path.GetTempPath(), "faqbot-storage-tests", Guid.NewGuid().ToString("N"));
        var database = new SqliteDatabase(Options.Create(new StorageOptions { DataPath = folder }));
        Directory.CreateDirectory(folder);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.FilePath }.ToString()))
        {
            connection.Open();
            SchemaMigrations.Apply(connection, 3); // version 3: before handoff items had a priority
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO conversations (id, channel, started_at, last_at) VALUES ('old', 'webchat', 1, 1);
                INSERT INTO turns (conversation_id, inbound_activity_id, reply_activity_id, at, question, outcome, category, confidence, low_confidence, snippet_id, snippet_version, reply_id, redactions, trace)
                VALUES ('old', 'in-1', 'out-1', 1, 'q', 'decline', 'urgent', 0, 0, NULL, NULL, 'urgent', 0, '{}');
                INSERT INTO handoffs (conversation_id, turn_id, at, reason, urgent, rules, message, status, status_by, status_at) VALUES
                    ('old', 1, 1, 'urgent', 1, 'urgent.self-harm', 'help', 'contacted', 'sam', 2),
                    ('old', 1, 2, 'dosing', 0, 'dosing.dose', 'how much', 'new', NULL, NULL),
                    ('old', 1, 3, 'no-answer', 0, '', 'parking?', 'closed', 'sam', 4);
                """;
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        await using var store = new TempStore(folder);
        var items = await store.Store.HandoffsAsync(includeClosed: true, default);

        Assert.Equal([HandoffPriority.Urgent, HandoffPriority.High, HandoffPriority.Normal], items.Select(i => i.Priority));
        Assert.Equal([HandoffStatus.Contacted, HandoffStatus.New, HandoffStatus.Closed], items.Select(i => i.Status));
        Assert.Equal(["help", "how much", "parking?"], items.Select(i => i.Message));
        Assert.All(items, i => Assert.False(i.WantsCallback));
    }
}
