using FaqBot.Cli.Tests.Support;
using FaqBot.Storage;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FaqBot.Cli.Tests.Users;

/// <summary>Runs <c>faqbot users ...</c> as a process in the repository root with
/// <c>Storage__DataPath</c> pointing at a folder of its own, and reads the same database directly.</summary>
internal sealed class UsersCli : IDisposable
{
    public UsersCli()
    {
        Folder = Path.Combine(Path.GetTempPath(), "faqbot-cli-users-" + Guid.NewGuid().ToString("N"));
        var database = new SqliteDatabase(Options.Create(new StorageOptions { DataPath = Folder }));
        Accounts = new AccountStore(database, TimeProvider.System, Options.Create(new AccountOptions()));
        Audit = new AuditLog(database, TimeProvider.System);
    }

    public string Folder { get; }

    /// <summary>The store over the database the command wrote.</summary>
    public AccountStore Accounts { get; }

    public AuditLog Audit { get; }

    public Task<CliResult> RunAsync(string? standardInput, params string[] args) =>
        CliProcess.RunAsync(standardInput, new Dictionary<string, string> { ["Storage__DataPath"] = Folder }, ["users", .. args]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
