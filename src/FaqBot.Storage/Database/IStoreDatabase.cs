using System.Data.Common;

namespace FaqBot.Storage.Database;

/// <summary>The database every store runs on: the embedded SQLite file (the default) or a
/// PostgreSQL server (<c>Storage:Provider</c>). The stores write one SQL text for both (named
/// <c>@parameters</c>, <c>CASE</c> rather than engine-specific functions, <c>RETURNING</c> and
/// <c>ON CONFLICT</c>); what differs between the engines is behind this seam.</summary>
public interface IStoreDatabase
{
    /// <summary>Where the data lives, for messages: the file, or the server and database (never a password).</summary>
    string Location { get; }

    /// <summary>Whether several hosts may use the database at once (PostgreSQL): then what a host
    /// holds in memory is only a cache, and writes that number things take locks in the database.</summary>
    bool Shared { get; }

    /// <summary>Creates the schema or brings it up to date; safe to call from several hosts at once.</summary>
    void EnsureMigrated();

    /// <summary>An open connection to a migrated database.</summary>
    ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>An open connection to a migrated database, for the few callers that cannot wait
    /// asynchronously and run rarely (the key ring, the knowledge generation); requests use <see cref="OpenAsync"/>.</summary>
    DbConnection Open();

    /// <summary>A transaction that only reads and sees one snapshot (a page and its counts agree).</summary>
    DbTransaction BeginRead(DbConnection connection);

    /// <summary>Takes the lock <paramref name="job"/> until <paramref name="transaction"/> ends, unless
    /// another host holds it; false then. A job that several hosts would run (retention, sweeping)
    /// runs once at a time across all of them. A single host's database needs no lock: always true.</summary>
    Task<bool> TryLockAsync(DbTransaction transaction, StoreJob job, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="error"/> is a primary key or unique constraint refusing a duplicate.</summary>
    bool IsUniqueViolation(DbException error);

    /// <summary>Before plain text is overwritten on <paramref name="connection"/>: what it replaces
    /// is not to stay readable in the files (SQLite's secure delete; nothing on PostgreSQL).</summary>
    Task BeginOverwriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Makes overwritten rows unrecoverable from the files once plain text was replaced in
    /// <paramref name="tables"/> (SQLite: secure delete and an emptied write-ahead log; PostgreSQL:
    /// VACUUM of those tables).</summary>
    Task ScrubAsync(DbConnection connection, IReadOnlyCollection<string> tables, CancellationToken cancellationToken);

    /// <summary>Throws unless the database answers a query now.</summary>
    Task CheckAsync(CancellationToken cancellationToken);
}
