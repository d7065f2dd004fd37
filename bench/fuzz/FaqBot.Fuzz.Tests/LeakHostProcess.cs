using System.Diagnostics;
using System.Globalization;

namespace FaqBot.Fuzz.Tests;

/// <summary>The stand-in host (bench/fuzz/FaqBot.Fuzz.LeakHost) as a child process, told how much
/// to allocate through its standard input; disposing stops it.</summary>
internal sealed class LeakHostProcess : IDisposable
{
    private readonly Process _process;

    private LeakHostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Starts it in <c>keep</c> (a leak) or <c>churn</c> (garbage only) mode, once it is
    /// ready; with <paramref name="diagnostics"/> false, without its diagnostics port.</summary>
    public static async Task<LeakHostProcess> StartAsync(string mode, bool diagnostics = true)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "FaqBot.Fuzz.LeakHost", "bin", configuration, "net10.0", "FaqBot.Fuzz.LeakHost.dll"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(mode);
        start.Environment["DOTNET_EnableDiagnostics"] = diagnostics ? "1" : "0";
        var host = new LeakHostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        var ready = await host._process.StandardOutput.ReadLineAsync();
        return ready == "ready" ? host : throw new InvalidOperationException($"{dll} {mode} answered '{ready}' instead of 'ready'");
    }

    /// <summary>Allocates that many megabytes and waits until they are written to.</summary>
    public async Task AllocateAsync(int megabytes)
    {
        await _process.StandardInput.WriteLineAsync(megabytes.ToString(CultureInfo.InvariantCulture));
        await _process.StandardInput.FlushAsync();
        var answer = await _process.StandardOutput.ReadLineAsync();
        if (answer?.StartsWith("allocated ", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"the leak host answered '{answer}'");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
