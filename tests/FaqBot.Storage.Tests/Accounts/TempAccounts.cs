using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Storage.Tests.Accounts;

/// <summary>An account store, staff sessions and an audit log over a database in a folder of their own, on a fake
/// clock. Hashing uses few PBKDF2 iterations unless a test asks for the default.</summary>
internal sealed class TempAccounts : IDisposable
{
    public const int FastIterations = 1_000;

    public TempAccounts(int? iterations = FastIterations, AccountOptions? options = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "faqbot-storage-tests", Guid.NewGuid().ToString("N"));
        Database = new SqliteDatabase(Options.Create(new StorageOptions { DataPath = Folder }));
        Settings = options ?? new AccountOptions();
        Store = StoreWith(iterations);
        Audit = new AuditLog(Database, Clock);
        Sessions = new StaffSessions(Database, Clock);
    }

    public string Folder { get; }

    public SqliteDatabase Database { get; }

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
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM users WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        return (string)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
