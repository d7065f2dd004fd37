using System.Data.Common;
using FaqBot.Storage.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.Sqlite;

/// <summary>The embedded database: one SQLite file, created and migrated on first use, in WAL mode
/// (readers never block the writer; a committed transaction survives the process being killed).
/// Every connection it opens has foreign keys on, synchronous NORMAL and a busy timeout.</summary>
public sealed class SqliteDatabase : IStoreDatabase
{
    private readonly Lock _gate = new();
    private readonly string _connectionString;
    private volatile bool _migrated;

    public SqliteDatabase(IOptions<StorageOptions> options)
    {
        FilePath = Path.GetFullPath(options.Value.DatabaseFile);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public string Location => FilePath;

    /// <summary>One host: the file is the host's own.</summary>
    public bool Shared => false;

    /// <summary>An open connection to a migrated database.</summary>
    public SqliteConnection Open()
    {
        EnsureMigrated();
        return OpenRaw();
    }

    DbConnection IStoreDatabase.Open() => Open();

    public ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<DbConnection>(Open());

    /// <summary>A deferred transaction: it takes no write lock, and under WAL it reads one snapshot.</summary>
    public DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    /// <summary>One host, and a write transaction already excludes every other writer.</summary>
    public Task<bool> TryLockAsync(DbTransaction transaction, StoreJob job, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>SQLITE_CONSTRAINT (19) for a primary key or unique index.</summary>
    public bool IsUniqueViolation(DbException error) => error is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 or 2067 or 19 };

    public async Task ScrubAsync(DbConnection connection, IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Secure delete: what the connection overwrites is zeroed in the file, not only unlinked.</summary>
    public async Task BeginOverwriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var secure = connection.CreateCommand();
        secure.CommandText = "PRAGMA secure_delete = ON;";
        await secure.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master;";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Creates the folder and the file if needed and applies every migration not yet applied.</summary>
    public void EnsureMigrated()
    {
        if (_migrated)
        {
            return;
        }

        lock (_gate)
        {
            if (_migrated)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            using var connection = OpenRaw();
            Execute(connection, "PRAGMA journal_mode=WAL;");
            SchemaMigrations.Apply(connection);
            _migrated = true;
        }
    }

    /// <summary>SQLite's own check of the file: "ok" when it is sound.</summary>
    public string IntegrityCheck()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return string.Join("; ", ReadStrings(command));
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;");
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> ReadStrings(SqliteCommand command)
    {
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
