using System.CommandLine;
using System.Reflection;
using FaqBot.Fuzz.Generators;

namespace FaqBot.Fuzz;

/// <summary>A run's settings, read from the command line; the host and CLI default to the builds
/// of the fuzzer's own configuration in this repository.</summary>
internal sealed record FuzzSettings(
    int Seed,
    TimeSpan Duration,
    TimeSpan Warmup,
    long? Cases,
    long? Replay,
    long HeapGrowthLimitBytes,
    TimeSpan HeapEvery,
    long MemoryLimitBytes,
    long HeapCapBytes,
    TimeSpan SlowerThan,
    string HostDll,
    string CliDll,
    string Knowledge,
    string OutFolder,
    IReadOnlySet<string> Families,
    bool RateLimits);

internal static class FuzzOptions
{
    private static readonly Option<int?> Seed = new("--seed") { Description = "Seed of the run (default: one from the clock, printed)." };
    private static readonly Option<int> Seconds = new("--seconds") { Description = "How long to fuzz, after the warm-up.", DefaultValueFactory = _ => 60 };
    private static readonly Option<int> Warmup = new("--warmup-seconds") { Description = "Cases sent first without timing, after which memory is measured.", DefaultValueFactory = _ => 10 };
    private static readonly Option<long?> Requests = new("--requests") { Description = "How many cases to send instead of --seconds (a case is one request, or a few in a row)." };
    private static readonly Option<long?> Replay = new("--replay") { Description = "Send only case N of --seed (after the warm-up) against a fresh host." };
    private static readonly Option<int> HeapGrowthLimit = new("--heap-growth-limit-mb") { Description = "Largest growth, after the warm-up, of what the host's managed heap holds after a full collection.", DefaultValueFactory = _ => 100 };
    private static readonly Option<int> HeapEvery = new("--heap-every-seconds") { Description = "Also read the managed heap (inducing a full collection between cases) this often; 0: only after the warm-up and at the end.", DefaultValueFactory = _ => 30 };
    private static readonly Option<int> MemoryLimit = new("--memory-limit-mb") { Description = "Largest growth of the host's resident memory after the warm-up (the garbage collector's committed memory included).", DefaultValueFactory = _ => 400 };
    private static readonly Option<int> HeapCap = new("--heap-cap-mb") { Description = "Hard limit of the host's managed heap, so a runaway request cannot exhaust the machine.", DefaultValueFactory = _ => 2048 };
    private static readonly Option<int> SlowMs = new("--slow-ms") { Description = "Slowest response allowed, in milliseconds.", DefaultValueFactory = _ => 2000 };
    private static readonly Option<string?> HostDll = new("--host-dll") { Description = "The built web host (default: src/FaqBot.Web/bin/<configuration>/net10.0/FaqBot.Web.dll)." };
    private static readonly Option<string?> CliDll = new("--cli-dll") { Description = "The built CLI (default: src/FaqBot.Cli/bin/<configuration>/net10.0/faqbot.dll)." };
    private static readonly Option<string?> Out = new("--out") { Description = "Folder for the host's logs and the failing requests (default: a new temporary folder)." };
    private static readonly Option<string[]> Families = new("--families")
    {
        Description = "Endpoint families to fuzz: " + string.Join(", ", Schedule.Families.Select(f => f.Name)) + " (default: all).",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<bool> NoRateLimits = new("--no-rate-limits") { Description = "Skip the phase that checks rate limits answer 429 with Retry-After." };

    public static RootCommand Command(Func<FuzzSettings, CancellationToken, Task<int>> run)
    {
        var command = new RootCommand("Sends bounded, seeded, malformed traffic to every endpoint of the FaqBot web host on loopback. "
            + "Exit code 0: no failure; 1: a 5xx, a response over the time bound, heap or resident memory growth over its bound, or an error the host logged; 2: the run could not start.")
        {
            Seed, Seconds, Warmup, Requests, Replay, HeapGrowthLimit, HeapEvery, MemoryLimit, HeapCap, SlowMs, HostDll, CliDll, Out, Families, NoRateLimits,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var root = RepositoryRoot();
            var configuration = typeof(FuzzOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var families = parse.GetValue(Families) is { Length: > 0 } named ? named.SelectMany(f => f.Split(',')).ToHashSet() : Schedule.Families.Select(f => f.Name).ToHashSet();
            var unknown = families.Except(Schedule.Families.Select(f => f.Name)).ToList();
            if (unknown.Count > 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"Unknown families: {string.Join(", ", unknown)}.");
                return Task.FromResult(2);
            }

            var replay = parse.GetValue(Replay);
            return run(new FuzzSettings(
                parse.GetValue(Seed) ?? Environment.TickCount & 0x7FFFFFFF,
                TimeSpan.FromSeconds(parse.GetValue(Seconds)),
                TimeSpan.FromSeconds(parse.GetValue(Warmup)),
                parse.GetValue(Requests),
                replay,
                parse.GetValue(HeapGrowthLimit) * 1024L * 1024,
                TimeSpan.FromSeconds(parse.GetValue(HeapEvery)),
                parse.GetValue(MemoryLimit) * 1024L * 1024,
                parse.GetValue(HeapCap) * 1024L * 1024,
                TimeSpan.FromMilliseconds(parse.GetValue(SlowMs)),
                Path.GetFullPath(parse.GetValue(HostDll) ?? Path.Combine(root, "src", "FaqBot.Web", "bin", configuration, "net10.0", "FaqBot.Web.dll")),
                Path.GetFullPath(parse.GetValue(CliDll) ?? Path.Combine(root, "src", "FaqBot.Cli", "bin", configuration, "net10.0", "faqbot.dll")),
                Path.Combine(root, "knowledge"),
                Path.GetFullPath(parse.GetValue(Out) ?? Path.Combine(Path.GetTempPath(), "faqbot-fuzz-out", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture))),
                families,
                replay is null && !parse.GetValue(NoRateLimits)), cancellationToken);
        });
        return command;
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FaqBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("FaqBot.sln not found above the fuzzer or the working directory.");
    }
}
