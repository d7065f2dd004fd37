using Xunit.Abstractions;

namespace FaqBot.Fuzz.Tests;

/// <summary>The fuzzer's memory checks against a stand-in host with the web host's garbage collector
/// (server GC): one that keeps 120 MB of what it allocates fails the heap check (bound 100 MB); one
/// that allocates 2,000 MB and keeps none of it passes, though its resident memory grows about as much
/// (the figures are in the test's output and in bench/fuzz/README.md).</summary>
public sealed class MemoryChecksTests(ITestOutputHelper output)
{
    private const long Mb = 1024 * 1024;
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_host_that_keeps_what_it_allocates_fails_the_heap_check()
    {
        using var host = await LeakHostProcess.StartAsync("keep");
        var (checks, before, after) = await MeasureAsync(host, megabytes: 120);

        Assert.True(checks.HeapExceeded(before, after));
        Assert.InRange(after.LiveBytes - before.LiveBytes, 118 * Mb, 136 * Mb);
        Assert.Contains(checks.Failures, f => f is { Kind: "memory", Cause: "managed heap" });
    }

    [Fact]
    public async Task A_host_that_only_makes_garbage_passes_the_heap_check()
    {
        using var host = await LeakHostProcess.StartAsync("churn");
        var (checks, before, after) = await MeasureAsync(host, megabytes: 2_000);

        Assert.False(checks.HeapExceeded(before, after));
        Assert.InRange(after.LiveBytes - before.LiveBytes, -16 * Mb, 16 * Mb);
        Assert.Empty(checks.Failures);
    }

    [Fact]
    public async Task A_host_without_a_diagnostics_port_is_reported_rather_than_passed_unmeasured()
    {
        using var host = await LeakHostProcess.StartAsync("keep", diagnostics: false);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => HeapProbe.ReadAsync(host.Id, ProbeTimeout, CancellationToken.None));
        Assert.Contains($"process {host.Id}", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The heap after a full collection before and after the host allocates, with the
    /// fuzzer's default bounds; resident memory is written to the test's output beside it.</summary>
    private async Task<(Checks Checks, HeapReading Before, HeapReading After)> MeasureAsync(LeakHostProcess host, int megabytes)
    {
        await host.AllocateAsync(16);
        var before = await HeapProbe.ReadAsync(host.Id, ProbeTimeout, CancellationToken.None);
        var residentBefore = HostProcess.ResidentBytes(host.Id);
        var residentPeak = residentBefore;
        for (var done = 0; done < megabytes; done += 20)
        {
            await host.AllocateAsync(20);
            residentPeak = Math.Max(residentPeak, HostProcess.ResidentBytes(host.Id));
        }

        var after = await HeapProbe.ReadAsync(host.Id, ProbeTimeout, CancellationToken.None);
        output.WriteLine($"heap live {before.LiveBytes / Mb} -> {after.LiveBytes / Mb} MB (generations {before.HeapBytes / Mb} -> {after.HeapBytes / Mb} MB); "
            + $"resident {residentBefore / Mb} MB, peak {residentPeak / Mb} MB (+{(residentPeak - residentBefore) / Mb} MB), after the collection {HostProcess.ResidentBytes(host.Id) / Mb} MB");
        return (new Checks(TimeSpan.FromSeconds(2), heapLimitBytes: 100 * Mb, memoryLimitBytes: 400 * Mb), before, after);
    }
}
