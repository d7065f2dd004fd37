using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Transcripts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Storage.Tests.TestSupport;

/// <summary>A transcript store over a database and a key ring in a folder of their own, deleted
/// afterwards.</summary>
internal sealed class TempStore : IAsyncDisposable
{
    /// <summary>A store in a new folder, <paramref name="settings"/> on top of the defaults (<c>Section:Key</c>).</summary>
    public TempStore(params (string Key, string Value)[] settings)
        : this(Path.Combine(Path.GetTempPath(), "faqbot-storage-tests", Guid.NewGuid().ToString("N")), settings)
    {
    }

    /// <summary>A store over <paramref name="folder"/> (another store's, to open it again).</summary>
    public TempStore(string folder, params (string Key, string Value)[] settings)
    {
        Folder = folder;
        Services = StorageHost.Build(Folder, settings);
        Database = Services.GetRequiredService<SqliteDatabase>();
        Store = Services.GetRequiredService<SqliteTranscriptStore>();
    }

    public string Folder { get; }

    public ServiceProvider Services { get; }

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

    /// <summary>Closes the store and its services, leaving the folder.</summary>
    public async ValueTask CloseAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
