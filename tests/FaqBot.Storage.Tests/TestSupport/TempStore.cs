using FaqBot.Storage.Database;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Transcripts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Storage.Tests.TestSupport;

/// <summary>A transcript store over a database and a key ring of their own, deleted afterwards:
/// a SQLite file in a new folder, or a new database on the test PostgreSQL server (the key ring
/// stays in the folder).</summary>
internal sealed class TempStore : IAsyncDisposable
{
    private readonly string? _connectionString;
    private readonly bool _ownsDatabase;

    /// <summary>A SQLite store in a new folder, <paramref name="settings"/> on top of the defaults (<c>Section:Key</c>).</summary>
    public TempStore(params (string Key, string Value)[] settings)
        : this(NewFolder(), null, true, settings)
    {
    }

    /// <summary>A SQLite store over <paramref name="folder"/> (another store's, to open it again).</summary>
    public TempStore(string folder, params (string Key, string Value)[] settings)
        : this(folder, null, false, settings)
    {
    }

    private TempStore(string folder, string? connectionString, bool ownsDatabase, (string Key, string Value)[] settings)
    {
        Folder = folder;
        _connectionString = connectionString;
        _ownsDatabase = ownsDatabase;
        Engine = connectionString is null ? Engine.Sqlite : Engine.PostgreSql;
        Services = StorageHost.Build(Folder, connectionString is null
            ? settings
            : [("Storage:Provider", StorageOptions.PostgreSqlProvider), ("ConnectionStrings:FaqBot", connectionString), .. settings]);
        Database = Services.GetRequiredService<IStoreDatabase>();
        Store = Services.GetRequiredService<TranscriptStore>();
    }

    /// <summary>A store on <paramref name="engine"/>, in a new folder and (PostgreSQL) a new database.</summary>
    public static async Task<TempStore> CreateAsync(Engine engine, params (string Key, string Value)[] settings) => engine switch
    {
        Engine.Sqlite => new TempStore(settings),
        _ => new TempStore(NewFolder(), await PostgresCluster.Shared.CreateDatabaseAsync(), true, settings),
    };

    public Engine Engine { get; }

    public string Folder { get; }

    public ServiceProvider Services { get; }

    public IStoreDatabase Database { get; }

    /// <summary>The SQLite file, for tests of what it holds on disk.</summary>
    public SqliteDatabase SqliteFile => (SqliteDatabase)Database;

    public TranscriptStore Store { get; }

    /// <summary>Another store over the same data and keys, as a restarted host would open it.</summary>
    public TempStore Reopen(params (string Key, string Value)[] settings) => new(Folder, _connectionString, false, settings);

    /// <summary>Loses the data-protection keys, as a restore without them would: the folder's (SQLite)
    /// or the database's (PostgreSQL, where hosts sharing it keep them). Call after <see cref="CloseAsync"/>.</summary>
    public async Task ForgetKeysAsync()
    {
        if (Engine == Engine.Sqlite)
        {
            Directory.Delete(Path.Combine(Folder, "keys"), recursive: true);
            return;
        }

        await using var reopened = Reopen();
        await using var connection = await reopened.Database.OpenAsync(default);
        await using var command = Sql.Command(connection, "DELETE FROM dataprotection_keys;");
        Assert.True(await command.ExecuteNonQueryAsync() > 0, "no key was stored in the database");
        await reopened.CloseAsync();
    }

    /// <summary>Stores the turns one after the other, as a conversation would.</summary>
    public async Task AppendAsync(params TurnRecord[] records)
    {
        foreach (var record in records)
        {
            await Store.AppendAsync(record, CancellationToken.None);
        }
    }

    /// <summary>Closes the store and its services, leaving the data.</summary>
    public async ValueTask CloseAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (_ownsDatabase && _connectionString is not null)
        {
            await PostgresCluster.Shared.DropDatabaseAsync(_connectionString);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "faqbot-storage-tests", Guid.NewGuid().ToString("N"));
}
