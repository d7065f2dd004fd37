using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Transcripts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.Tests.TestSupport;

/// <summary>A transcript store over a database in a folder of its own, deleted afterwards.</summary>
internal sealed class TempStore : IAsyncDisposable
{
    public TempStore()
    {
        Folder = Path.Combine(Path.GetTempPath(), "faqbot-storage-tests", Guid.NewGuid().ToString("N"));
        Database = new SqliteDatabase(Options.Create(new StorageOptions { DataPath = Folder }));
        Store = new SqliteTranscriptStore(Database, TimeProvider.System, NullLogger<SqliteTranscriptStore>.Instance);
    }

    public string Folder { get; }

    public SqliteDatabase Database { get; }

    public SqliteTranscriptStore Store { get; }

    /// <summary>Stores the turns one after the other, as a conversation would.</summary>
    public async Task AppendAsync(params TurnRecord[] records)
    {
        foreach (var record in records)
        {
            await Store.AppendAsync(record, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
