using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Database;
using FaqBot.Storage.PostgreSql;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Storage.Tests.Accounts;

/// <summary>An account store, staff sessions and an audit log over a database of their own (a SQLite
/// file in a new folder, or a new PostgreSQL database), on a fake clock. Hashing uses few PBKDF2
/// iterations unless a test asks for the default.</summary>
internal sealed class TempAccounts : IAsyncDisposable
{
    public const int FastIterations = 1_000;

    private readonly string? _connectionString;

    private TempAccounts(string? connectionString, int? iterations, AccountOptions? options)
    {
        Folder = Path.Combine(Path.GetTempPath(), "faqbot-storage-tests", Guid.NewGuid().ToString("N"));
        _connectionString = connectionString;
        Database = connectionString is null
            ? new SqliteDatabase(Options.Create(new StorageOptions { DataPath = Folder }))
            : new PostgreSqlDatabase(connectionString);
        Settings = options ?? new AccountOptions();
        Store = StoreWith(iterations);
        Audit = new AuditLog(Database, Clock);
        Sessions = new StaffSessions(Database, Clock);
    }

    public static async Task<TempAccounts> CreateAsync(Engine engine, int? iterations = FastIterations, AccountOptions? options = null) =>
        new(engine == Engine.PostgreSql ? await PostgresCluster.Shared.CreateDatabaseAsync() : null, iterations, options);

    public string Folder { get; }

    public IStoreDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public AccountOptions Settings { get; }

    public AccountStore Store { get; }

    public AuditLog Audit { get; }

    public StaffSessions Sessions { get; }

    /// <summary>Another store over the same database, hashing with <paramref name="iterations"/> (null: the default).</summary>
    public AccountStore StoreWith(int? iterations) => new(Database, Clock, Options.Create(Settings),
        iterations is { } n ? Options.Create(new PasswordHasherOptions { IterationCount = n }) : null);

    public string StoredHash(string name)
    {
        using var connection = Database.Open();
        using var command = Sql.Command(connection, "SELECT password_hash FROM users WHERE name = @name;", ("@name", name));
        return (string)command.ExecuteScalar()!;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Database is PostgreSqlDatabase server)
        {
            await server.DisposeAsync();
            await PostgresCluster.Shared.DropDatabaseAsync(_connectionString!);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
