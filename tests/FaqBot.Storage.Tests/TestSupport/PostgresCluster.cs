using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FaqBot.Storage.Tests.TestSupport;

/// <summary>
/// A throwaway PostgreSQL server for tests: a cluster made by <c>initdb</c> in a new temporary
/// folder, started on a free loopback port, and stopped and deleted afterwards. When
/// <c>FAQBOT_TEST_POSTGRES</c> holds a connection string (a superuser, or a role with CREATEDB),
/// that server is used instead and nothing is started or stopped.
/// </summary>
/// <remarks>Depends on nothing but the BCL and Npgsql: other test projects compile this file too.</remarks>
public sealed class PostgresCluster : IAsyncDisposable
{
    /// <summary>The environment variable naming a server to use instead of starting one.</summary>
    public const string ServerVariable = "FAQBOT_TEST_POSTGRES";

    private const string DatabasePrefix = "faqbot_test_";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    private static readonly Lazy<PostgresCluster> SharedCluster =
        new(() => Task.Run(() => StartAsync()).GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The cluster's folder (data, socket, log); null for a server from <see cref="ServerVariable"/>.</summary>
    private readonly string? folder;
    private readonly string pgCtl = "";
    private readonly bool asPostgres;
    private Process? watchdog;
    private int stopped;

    private PostgresCluster(string connectionString) => ConnectionString = connectionString;

    private PostgresCluster(string folder, string pgCtl, bool asPostgres, int port)
    {
        this.folder = folder;
        this.pgCtl = pgCtl;
        this.asPostgres = asPostgres;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "faqbot",
            Database = "postgres",
        }.ConnectionString;
    }

    /// <summary>One cluster for the whole test process, started on first use and stopped (its folder
    /// deleted) when the process exits; tests do not dispose it.</summary>
    public static PostgresCluster Shared => SharedCluster.Value;

    /// <summary>A connection string to the server's <c>postgres</c> database, as a role that may create databases.</summary>
    public string ConnectionString { get; }

    private string DataFolder => Path.Combine(folder!, "data");

    /// <summary>Starts a new cluster, or wraps the server named by <see cref="ServerVariable"/>. A
    /// started cluster is stopped on <see cref="DisposeAsync"/> or, at the latest, when the process exits.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL's server programs are not installed, or the
    /// server did not start (the message then ends with its log).</exception>
    public static async Task<PostgresCluster> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresCluster(external);
        }

        var bin = FindServerPrograms() ?? throw new InvalidOperationException(
            "PostgreSQL's server programs (initdb, pg_ctl) were not found on PATH nor under /usr/lib/postgresql/*/bin. " +
            "Install them with `apt-get install postgresql` (as .ci/run does), or set " + ServerVariable +
            " to the connection string of a server whose role may create databases.");
        return await Task.Run(() => Start(bin));
    }

    /// <summary>Creates a new, empty database with a unique name and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = DatabasePrefix + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            Database = name,
            Pooling = true,
            MaxPoolSize = 50,
        }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, first emptying Npgsql's pool for
    /// it and ending any session still connected.</summary>
    /// <exception cref="ArgumentException">The connection string names no database made here.</exception>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (name is null || !name.StartsWith(DatabasePrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Only databases named {DatabasePrefix}… are dropped, not '{name}'.", nameof(connectionString));
        }

        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)");
    }

    /// <summary>Stops the server at once (<c>pg_ctl stop -m immediate</c>) and deletes its folder; does
    /// nothing for a server from <see cref="ServerVariable"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await Task.Run(Stop);
    }

    private static PostgresCluster Start(string bin)
    {
        var asPostgres = IsRoot();
        var folder = Directory.CreateTempSubdirectory("faqbot-pg-").FullName;
        var port = FreePort();
        var cluster = new PostgresCluster(folder, Path.Combine(bin, "pg_ctl"), asPostgres, port);
        try
        {
            var socket = Directory.CreateDirectory(Path.Combine(folder, "socket")).FullName;
            if (asPostgres)
            {
                // initdb and postgres refuse to run as root: the cluster belongs to Debian's postgres user,
                // who must be able to reach it through the temporary folder.
                var temp = new DirectoryInfo(Path.GetTempPath());
                if (!OperatingSystem.IsWindows() && !temp.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
                {
                    temp.UnixFileMode |= UnixFileMode.OtherExecute;
                }

                Run("chown", ["-R", "postgres", folder], asPostgres: false, folder);
            }

            Run(Path.Combine(bin, "initdb"),
                ["-D", cluster.DataFolder, "--auth=trust", "--username=faqbot", "--encoding=UTF8", "--locale=C", "-N"],
                asPostgres, folder);
            cluster.StartWatchdog();
            AppDomain.CurrentDomain.ProcessExit += cluster.OnProcessExit;

            var log = Path.Combine(folder, "server.log");
            var options = $"-c listen_addresses=127.0.0.1 -p {port} -k '{socket}' -c fsync=off " +
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            try
            {
                Run(cluster.pgCtl, ["start", "-D", cluster.DataFolder, "-l", log, "-w", "-t", "60", "-o", options], asPostgres, folder);
            }
            catch (InvalidOperationException e)
            {
                var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(30)) : "(no log)";
                throw new InvalidOperationException($"{e.Message}\nThe server's log ({log}) ends with:\n{tail}", e);
            }

            return cluster;
        }
        catch
        {
            AppDomain.CurrentDomain.ProcessExit -= cluster.OnProcessExit;
            cluster.Stop();
            throw;
        }
    }

    /// <summary>The folder holding <c>initdb</c> and <c>pg_ctl</c>: PATH first, then the highest version
    /// under <c>/usr/lib/postgresql</c> (Debian's layout); null if neither has them.</summary>
    private static string? FindServerPrograms()
    {
        static bool HasBoth(string dir) => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasBoth);
        if (onPath is not null || !Directory.Exists("/usr/lib/postgresql"))
        {
            return onPath;
        }

        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(dir => (Version: ParseVersion(Path.GetFileName(dir)), Bin: Path.Combine(dir, "bin")))
            .Where(candidate => candidate.Version is not null && HasBoth(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    /// <summary>"15" or "9.6" as a version; null for anything else.</summary>
    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version) ? version : null;

    private static bool IsRoot() =>
        Environment.UserName == "root" || Run("id", ["-u"], asPostgres: false, Path.GetTempPath()).Trim() == "0";

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Runs a program (as the postgres user through <c>runuser</c> if <paramref name="asPostgres"/>)
    /// and returns what it printed; throws if it fails or takes longer than two minutes.</summary>
    private static string Run(string program, IReadOnlyList<string> arguments, bool asPostgres, string workingDirectory)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        string[] prefix = asPostgres ? ["-u", "postgres", "--", program] : [];
        foreach (var argument in prefix.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var commandLine = string.Join(' ', info.ArgumentList.Prepend(info.FileName));
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"`{commandLine}` did not finish within {CommandTimeout.TotalSeconds} s.");
        }

        var output = stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"`{commandLine}` failed with exit code {process.ExitCode}:\n{output}");
    }

    /// <summary>Starts the shell that stops the server and deletes the folder once its standard input closes:
    /// when <see cref="Stop"/> closes it, or when this process ends however it ends. A process of its own, it
    /// finishes the job even when the test host is killed during its ProcessExit handlers (as the test
    /// platform does after a short while) or before them.</summary>
    private void StartWatchdog()
    {
        var info = new ProcessStartInfo("sh") { RedirectStandardInput = true, WorkingDirectory = folder };
        var stop = asPostgres ? "runuser -u postgres -- \"$0\"" : "\"$0\"";
        var script = $"exec >/dev/null 2>&1; trap '' HUP INT; read -r _; {stop} stop -D \"$1\" -m immediate; rm -rf \"$2\"";
        foreach (var argument in new[] { "-c", script, pgCtl, DataFolder, folder! })
        {
            info.ArgumentList.Add(argument);
        }

        watchdog = Process.Start(info);
    }

    private void OnProcessExit(object? sender, EventArgs e) => Stop();

    private void Stop()
    {
        if (folder is null || Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        if (watchdog is not null)
        {
            watchdog.StandardInput.Close();
            if (!watchdog.WaitForExit(CommandTimeout))
            {
                throw new InvalidOperationException($"The PostgreSQL server in {folder} did not stop within {CommandTimeout.TotalSeconds} s.");
            }

            watchdog.Dispose();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
