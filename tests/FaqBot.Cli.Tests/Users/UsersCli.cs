using System.Diagnostics;
using System.Text;
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
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

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

    public async Task<CliResult> RunAsync(string? standardInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(RepoPaths.CliDll);
        start.ArgumentList.Add("users");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Storage__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Accounts__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["Storage__DataPath"] = Folder;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), timeout.Token);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            return new CliResult(process.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"faqbot users {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s");
        }
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
