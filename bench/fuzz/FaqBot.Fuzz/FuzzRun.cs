using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using FaqBot.Fuzz.Generators;

namespace FaqBot.Fuzz;

/// <summary>One run: a throwaway folder, two staff accounts added with the CLI (an admin and a
/// clinician), the host started with rate limits out of the way and the widest message the settings
/// allow, a warm-up, the seeded cases until the time or count is reached (or memory or the host
/// gives out), then a second host with small rate limits for the 429 phase, and the report.</summary>
internal static class FuzzRun
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(FuzzSettings settings, CancellationToken cancellationToken)
    {
        foreach (var built in new[] { settings.HostDll, settings.CliDll })
        {
            if (!File.Exists(built))
            {
                await Console.Error.WriteLineAsync($"{built} is missing: build first (dotnet build -c Release bench/fuzz/FaqBot.Fuzz) or pass --host-dll/--cli-dll.");
                return 2;
            }
        }

        Directory.CreateDirectory(settings.OutFolder);
        Console.WriteLine($"Fuzzing {settings.HostDll} with seed {settings.Seed}; the host's log and failing requests go to {settings.OutFolder}");
        var checks = new Checks(settings.SlowerThan, settings.HeapGrowthLimitBytes, settings.MemoryLimitBytes);
        var report = new Report();
        var secret = RandomNumberGenerator.GetHexString(48, lowercase: true);
        try
        {
            using (var sink = new ReplySink())
            using (var folder = RunFolder.Create(settings.Knowledge))
            {
                var sessions = await AccountsAsync(folder, settings.CliDll, cancellationToken);
                using var host = await HostProcess.StartAsync(settings.HostDll, folder.Path, FuzzHost(folder, settings, secret), Path.Combine(settings.OutFolder, "host.log"), cancellationToken);
                using var client = new FuzzClient(host.Address, RequestTimeout);
                var context = new FuzzContext(client, secret, sink.Url, sessions, folder.SnippetIds());
                await FuzzAsync(host, client, context, settings, checks, report, cancellationToken);
            }

            if (settings.RateLimits)
            {
                using var folder = RunFolder.Create(settings.Knowledge);
                using var host = await HostProcess.StartAsync(settings.HostDll, folder.Path, new Dictionary<string, string>(Shipped(folder, settings, secret).Concat(RateLimitPhase.Settings)), Path.Combine(settings.OutFolder, "host-rate-limits.log"), cancellationToken);
                using var client = new FuzzClient(host.Address, RequestTimeout);
                client.Observed = checks.Response;
                await RateLimitPhase.RunAsync(client, checks, report, cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                checks.HostErrors(host.TakeErrors());
                checks.SettleUnexplained(all: true);
            }
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync("The run could not go on: " + ex.Message);
            checks.Add("set-up failed", checks.Last, "", ex.Message);
        }

        if (checks.FrameworkErrors > 0)
        {
            report.Notes.Add($"The framework logged {checks.FrameworkErrors} errors about requests it still served (such as an antiforgery cookie it could not decrypt); see host.log. Not counted as failures.");
        }

        var families = settings.Families.Count == Schedule.Families.Length ? "" : " --families " + string.Join(',', settings.Families.Order(StringComparer.Ordinal));
        report.Print(Console.Out, checks.Failures, $"--seed {settings.Seed}{families}", settings.OutFolder);
        return checks.Failures.Count == 0 ? 0 : 1;
    }

    private static async Task FuzzAsync(HostProcess host, FuzzClient client, FuzzContext context, FuzzSettings settings, Checks checks, Report report, CancellationToken cancellationToken)
    {
        await using var exchanges = new StreamWriter(Path.Combine(settings.OutFolder, "requests.log"), append: false, new System.Text.UTF8Encoding(false));
        client.Observed = (number, request, response) =>
        {
            report.Record(request, response);
            checks.Response(number, request, response);
            exchanges.WriteLine($"{checks.Case}\t{number}\t{response.Status}\t{response.Elapsed.TotalMilliseconds:0} ms\t{request.Describe()}\t{response.Error ?? (response.Status >= 400 ? Brief(response.Body) : "")}");
        };
        await context.PrepareAsync(cancellationToken);
        await Warmup.RunAsync(client, context, cancellationToken);
        checks.HostErrors(host.TakeErrors());

        // The first seconds of cases warm up too (code is jitted, the garbage collector sizes its
        // budgets): nothing is timed and memory is measured from their end.
        await using var memory = new MemoryWatch(host, checks, report, settings.HeapEvery);
        var warming = settings.Replay is null;
        var clock = Stopwatch.StartNew();
        var measured = Stopwatch.StartNew();
        var nextProgress = TimeSpan.FromSeconds(10);
        for (var number = settings.Replay ?? 0; !Done(settings, number, warming, measured.Elapsed); number++)
        {
            if (!checks.Timing && (!warming || clock.Elapsed >= settings.Warmup))
            {
                warming = false;
                checks.Timing = true;
                await memory.StartAsync(cancellationToken);
                measured.Restart();
            }

            checks.Case = number;
            await context.PrepareAsync(cancellationToken);
            var (_, requests) = Schedule.Case(settings.Seed, number, context, settings.Families);
            foreach (var request in requests)
            {
                await client.SendAsync(request, cancellationToken);
            }

            report.Cases++;
            checks.HostErrors(host.TakeErrors());
            checks.SettleUnexplained(all: false);
            if (host.HasExited)
            {
                checks.HostExited();
                break;
            }

            if (!warming && await memory.ExceededAsync(cancellationToken))
            {
                break;
            }

            if (clock.Elapsed >= nextProgress)
            {
                Console.WriteLine($"{clock.Elapsed.TotalSeconds,5:0} s{(warming ? " (warming up)" : "")}: {report.Cases} cases, {report.Requests} requests, {checks.Failures.Count} distinct failures, host {Checks.Mb(host.ResidentBytes())} MB resident{report.LastHeap}");
                nextProgress += TimeSpan.FromSeconds(10);
            }
        }

        // A Connector turn runs after its 202: give the last ones time to log.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        checks.HostErrors(host.TakeErrors());
        checks.SettleUnexplained(all: true);
        await memory.FinishAsync(cancellationToken);
    }

    /// <summary>The start of a refusal's body on one line, for <c>requests.log</c>.</summary>
    private static string Brief(string body)
    {
        var line = body.ReplaceLineEndings(" ");
        return line.Length <= 200 ? line : line[..200];
    }

    private static bool Done(FuzzSettings settings, long number, bool warming, TimeSpan measured) =>
        settings.Replay is { } replay ? number > replay
        : settings.Cases is { } cases ? number >= cases
        : !warming && measured >= settings.Duration;

    /// <summary>An admin and a clinician (who alone may approve drafts), added as an operator does.</summary>
    private static async Task<List<StaffSession>> AccountsAsync(RunFolder folder, string cliDll, CancellationToken cancellationToken)
    {
        var password = RandomNumberGenerator.GetHexString(32, lowercase: true);
        List<StaffSession> sessions = [new("fuzz-admin", password, "admin"), new("fuzz-clinician", password, "clinician")];
        foreach (var session in sessions)
        {
            await folder.AddAccountAsync(cliDll, session.Name, session.Role, password, cancellationToken);
        }

        return sessions;
    }

    /// <summary>The fuzzed host: rate limits high enough never to refuse the fuzzer (the 429 phase
    /// checks them on a host of its own), the longest message the settings allow (20,000 characters,
    /// 256 KB activities) so every patient message reaches the turn, and what Direct Line keeps by
    /// design made small (10 activities a chat, idle chats dropped after a minute), so memory growth
    /// means a leak or a runaway request rather than chats kept for polling.</summary>
    private static Dictionary<string, string> FuzzHost(RunFolder folder, FuzzSettings settings, string secret) => new(Shipped(folder, settings, secret))
    {
        ["RateLimits__ChatTokensPerMinute"] = "1000000",
        ["RateLimits__DirectLinePerMinute"] = "100000000",
        ["RateLimits__MessagesPerMinute"] = "100000000",
        ["RateLimits__SignInsPerMinute"] = "1000000",
        ["Input__MaxQuestionLength"] = "20000",
        ["DirectLine__MaxActivityBytes"] = "262144",
        ["DirectLine__ConversationIdleMinutes"] = "1",
        ["DirectLine__MaxActivitiesKept"] = "10",
    };

    /// <summary>The shipped settings but for the run's folders, the Direct Line secret and a cap on the managed heap.</summary>
    private static Dictionary<string, string> Shipped(RunFolder folder, FuzzSettings settings, string secret) => new(folder.Settings)
    {
        ["DirectLine__Secret"] = secret,
        ["DOTNET_GCHeapHardLimit"] = "0x" + settings.HeapCapBytes.ToString("X", CultureInfo.InvariantCulture),
    };
}
