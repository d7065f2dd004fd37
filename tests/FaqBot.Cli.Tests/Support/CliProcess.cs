using System.Diagnostics;
using System.Text;

namespace FaqBot.Cli.Tests.Support;

internal sealed record CliResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string[] OutputLines => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public override string ToString() =>
        $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{StandardOutput}{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}";
}

/// <summary>Runs the built <c>faqbot.dll</c> with <c>dotnet</c>, in the repository root, as a shell would.</summary>
internal static class CliProcess
{
    /// <summary>Long enough for a first start on a fresh clone, which encodes the safety examples and
    /// the snippets (about a minute on two busy cores; later starts read them from the vector store);
    /// a hung process is still caught.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(300);

    /// <summary>One vector store for every process of the test runs on this machine (and the web
    /// tests' hosts): only the first start encodes.</summary>
    private static readonly string SharedVectors = Path.Combine(Path.GetTempPath(), "faqbot-test-vectors");

    public static Task<CliResult> RunAsync(string? standardInput, params string[] args) =>
        RunAsync(standardInput, new Dictionary<string, string>(), args);

    /// <param name="standardInput">Written to the process, then closed; null closes it at once.</param>
    /// <param name="environment">Settings for this run (<c>Section__Key</c>), on top of the cleaned environment.</param>
    /// <param name="args">The command line after <c>faqbot</c>.</param>
    public static async Task<CliResult> RunAsync(string? standardInput, IReadOnlyDictionary<string, string> environment, params string[] args)
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
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Settings must come from the repository's appsettings.json, not from the test runner's environment.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Knowledge__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Retrieval__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Clinic__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Input__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Storage__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Transcripts__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("Accounts__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["Embeddings__CachePath"] = SharedVectors;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

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
            throw new TimeoutException($"faqbot {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s");
        }
    }
}
