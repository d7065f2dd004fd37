using System.Data;
using System.Data.Common;
using FaqBot.Storage.Database;
using Npgsql;

namespace FaqBot.Storage.PostgreSql;

/// <summary>A PostgreSQL database (<c>Storage:Provider</c> <c>PostgreSql</c>, the server named by
/// <c>ConnectionStrings:FaqBot</c>) that several hosts share. Connections come from one pooled data
/// source; the schema is created or brought up to date on first use, under an advisory lock.</summary>
/// <remarks>Everything a request waits for here is awaited (OpenAsync and the commands' async
/// calls). On Linux even a synchronous socket read completes through the thread pool, so requests
/// that waited synchronously held every pool thread while the reads they waited for queued behind
/// them: measured before the Direct Line state, token checks, live chats and the transcript writer
/// became asynchronous, 50 conversations stalled a host for about 34 s. <see cref="IStoreDatabase.Open"/>
/// is left for what cannot wait asynchronously and runs rarely: ASP.NET Core's key ring
/// (<c>IXmlRepository</c> is synchronous), the knowledge generation a staff edit raises, and migration.</remarks>
public sealed class PostgreSqlDatabase : IStoreDatabase, IDisposable, IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly Lock _gate = new();
    private volatile bool _migrated;

    public PostgreSqlDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        _source = NpgsqlDataSource.Create(builder);
    }

    public string Location { get; }

    public bool Shared => true;

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

            using var connection = OpenRaw();
            PostgreSqlSchema.Apply(connection);
            _migrated = true;
        }
    }

    public DbConnection Open()
    {
        EnsureMigrated();
        return OpenRaw();
    }

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        EnsureMigrated();
        try
        {
            return await _source.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw Unreachable(ex);
        }
    }

    /// <summary>Repeatable read: every statement of the transaction sees the snapshot of its first.</summary>
    public DbTransaction BeginRead(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    /// <summary>A transaction-level advisory lock: released at commit or rollback, whatever happens to the host.</summary>
    public async Task<bool> TryLockAsync(DbTransaction transaction, StoreJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var command = Sql.Command(transaction.Connection!, transaction, "SELECT pg_try_advisory_xact_lock(@key);", ("@key", (long)job));
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>SQLSTATE 23505, unique_violation.</summary>
    public bool IsUniqueViolation(DbException error) => error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public Task BeginOverwriteAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>VACUUM frees the old row versions an UPDATE leaves behind, so their space is reused;
    /// what the server's write-ahead log and backups hold is the server's to manage (see docs/deployment.md).</summary>
    public async Task ScrubAsync(DbConnection connection, IReadOnlyCollection<string> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        foreach (var table in tables.Distinct(StringComparer.Ordinal))
        {
            // Table names come from the store's fixed list, never from input.
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = $"VACUUM {table};";
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(version) FROM faqbot_schema;";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public void Dispose() => _source.Dispose();

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private NpgsqlConnection OpenRaw()
    {
        try
        {
            return _source.OpenConnection();
        }
        catch (NpgsqlException ex)
        {
            throw Unreachable(ex);
        }
    }

    private DatabaseUnavailableException Unreachable(NpgsqlException error) =>
        new($"The {Location} cannot be reached (ConnectionStrings:FaqBot): {error.Message}", error);
}
