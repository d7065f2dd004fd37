using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FaqBot.Cli.Tests.Support;

namespace FaqBot.Web.Tests.TestSupport;

/// <summary>The built web host (<c>src/FaqBot.Web/bin/…/FaqBot.Web.dll</c>) as a process of its own on
/// a free loopback port, configured through environment variables (<c>Section__Key</c>), as a
/// deployment runs it. It can be stopped the hard way (<see cref="Kill"/>, SIGKILL) or the polite
/// way (<see cref="TerminateAsync"/>, SIGTERM). Disposing kills it if it still runs.</summary>
public sealed class WebHostProcess : IAsyncDisposable
{
    /// <summary>A host loads the encoder and trains its classifiers before it is ready: under a
    /// full test run on two cores that can take minutes.</summary>
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(6);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WebHostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the host wrote to its console so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<WebHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(RepoPaths.Root, "src", "FaqBot.Web", "bin", RepoPaths.Configuration, RepoPaths.TargetFramework, "FaqBot.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("The web host is not built next to its project.", dll);
        }

        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var host = new WebHostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), address);
        host._process.OutputDataReceived += (_, line) => host.Append(line.Data);
        host._process.ErrorDataReceived += (_, line) => host.Append(line.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        await host.WaitUntilReadyAsync();
        return host;
    }

    /// <summary>SIGKILL: the process ends at once, with whatever it had in memory.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM, as a service manager stops a host: it finishes what is in flight and exits.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartLimit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                if ((await Client.GetAsync("/health/ready", ready.Token)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The host was not ready within {StartLimit.TotalMinutes} minutes:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
