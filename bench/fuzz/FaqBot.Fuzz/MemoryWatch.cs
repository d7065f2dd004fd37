using System.Diagnostics;

namespace FaqBot.Fuzz;

/// <summary>The host's managed heap read at a moment of the run (time since the warm-up), and its
/// resident memory right after that collection.</summary>
internal sealed record MemoryReading(TimeSpan At, HeapReading Heap, long ResidentBytes)
{
    /// <summary>Resident memory that the garbage collector has not committed: code, the runtime, native libraries' allocations.</summary>
    public long OutsideHeapBytes => Heap.CommittedBytes == 0 ? 0 : ResidentBytes - Heap.CommittedBytes;
}

/// <summary>The host's memory over the measured part of a run, against two bounds. The managed heap
/// after a full, blocking collection (<see cref="HeapProbe"/>: at the end of the warm-up, every
/// <c>--heap-every-seconds</c> between cases, and at the end) grows only with data the host keeps.
/// Resident memory (read ten times a second) also grows with native memory and with what the server
/// garbage collector keeps committed for later allocations, so its bound is wider.</summary>
internal sealed class MemoryWatch(HostProcess host, Checks checks, Report report, TimeSpan heapEvery) : IAsyncDisposable
{
    /// <summary>A full collection of the largest heap the fuzzer allows takes seconds, not this long.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _sampling = new();
    private readonly Stopwatch _clock = new();
    private Task _sampler = Task.CompletedTask;
    private HeapReading? _baseline;
    private TimeSpan _nextHeap;
    private bool _heapReadable = true;

    /// <summary>Takes the readings everything after is compared with, and starts sampling resident memory.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        report.BaselineBytes = report.PeakBytes = host.ResidentBytes();
        _baseline = await ReadHeapAsync(TimeSpan.Zero, cancellationToken);
        _clock.Start();
        _nextHeap = heapEvery;
        _sampler = SampleAsync(_sampling.Token);
    }

    /// <summary>Checks resident memory, and the heap when a reading is due; true (a failure is recorded)
    /// when either grew past its bound, and the run stops there.</summary>
    public async Task<bool> ExceededAsync(CancellationToken cancellationToken)
    {
        if (checks.ResidentExceeded(report.BaselineBytes, Math.Max(report.PeakBytes, host.ResidentBytes())))
        {
            return true;
        }

        if (heapEvery <= TimeSpan.Zero || _clock.Elapsed < _nextHeap)
        {
            return false;
        }

        _nextHeap = _clock.Elapsed + heapEvery;
        return await HeapExceededAsync(cancellationToken);
    }

    /// <summary>The last readings, once the run's requests are over (a run that ended during the
    /// warm-up is measured from here).</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        var measured = _clock.IsRunning;
        if (!measured)
        {
            await StartAsync(cancellationToken);
        }

        report.FinalBytes = host.ResidentBytes();
        report.PeakBytes = Math.Max(report.PeakBytes, report.FinalBytes);
        await StopSamplingAsync();
        if (measured)
        {
            await HeapExceededAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopSamplingAsync();
        _sampling.Dispose();
    }

    private async Task<bool> HeapExceededAsync(CancellationToken cancellationToken) =>
        _baseline is { } baseline && await ReadHeapAsync(_clock.Elapsed, cancellationToken) is { } now && checks.HeapExceeded(baseline, now);

    private async Task<HeapReading?> ReadHeapAsync(TimeSpan at, CancellationToken cancellationToken)
    {
        if (!_heapReadable || host.HasExited)
        {
            return null;
        }

        try
        {
            var reading = await HeapProbe.ReadAsync(host.Id, ProbeTimeout, cancellationToken);
            report.HeapReadings.Add(new MemoryReading(at, reading, host.ResidentBytes()));
            return reading;
        }
        catch (InvalidOperationException ex)
        {
            _heapReadable = false;
            checks.HeapUnreadable(ex.Message);
            return null;
        }
    }

    private async Task StopSamplingAsync()
    {
        await _sampling.CancelAsync();
        await _sampler;
    }

    /// <summary>Reads the host's resident memory ten times a second, keeping the peak.</summary>
    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                report.PeakBytes = Math.Max(report.PeakBytes, host.ResidentBytes());
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }
}
