using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace FaqBot.Fuzz;

/// <summary>A process's managed heap as a full, blocking collection leaves it.</summary>
/// <param name="LiveBytes">What survived the collection (every generation, large and pinned objects
/// included): the objects the process still holds.</param>
/// <param name="HeapBytes">The generations' sizes after it, free space between survivors included.</param>
/// <param name="CommittedBytes">Memory the garbage collector has committed after it, in use or kept
/// free for later allocations (0 when the runtime does not report it): the part of resident memory
/// that is the managed heap's.</param>
internal sealed record HeapReading(long LiveBytes, long HeapBytes, long CommittedBytes);

/// <summary>Reads a .NET process's managed heap from outside, through its diagnostics port: an
/// EventPipe session with the runtime's <c>GCHeapCollect</c> keyword makes the runtime run a full,
/// blocking collection (as <c>dotnet-gcdump</c> does), and the <c>GCHeapStats</c> event that closes it
/// gives what survived. Unlike resident memory, this leaves out what the garbage collector keeps
/// committed for later allocations, so growth in it is data the process holds on to.</summary>
internal static class HeapProbe
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";

    /// <summary>Induces the collection and waits for its figures; an <see cref="InvalidOperationException"/>
    /// says why none could be read (the process is gone, has no diagnostics port, or did not collect in time).</summary>
    public static async Task<HeapReading> ReadAsync(int processId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var provider = new EventPipeProvider(RuntimeProvider, EventLevel.Informational, (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect));
        EventPipeSession session;
        try
        {
            session = await new DiagnosticsClient(processId).StartEventPipeSessionAsync([provider], requestRundown: false, circularBufferMB: 16, cancellationToken);
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or DiagnosticsClientException or IOException or TimeoutException)
        {
            throw new InvalidOperationException($"no EventPipe session on process {processId}'s diagnostics port: {ex.Message}", ex);
        }

        using (session)
        {
            var read = new TaskCompletionSource<HeapReading>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var source = new EventPipeEventSource(session.EventStream);
            var full = -1;
            var committed = 0L;
            source.Clr.GCStart += start =>
            {
                // The first full collection that is not a background one: the induced one, or an
                // ordinary blocking one that started first, which measures the same thing.
                if (full < 0 && start.Depth == 2 && start.Type != GCType.BackgroundGC)
                {
                    full = start.Count;
                }
            };
            source.Clr.GCDynamicEvent.GCCommittedUsage += usage =>
            {
                // Sent while the collection ends, before its GCHeapStats.
                if (full >= 0)
                {
                    committed = usage.TotalCommittedInUse + usage.TotalCommittedInFree + usage.TotalCommittedInGlobalFree + usage.TotalCommittedInGlobalDecommit + usage.TotalBookkeepingCommitted;
                }
            };
            source.Clr.GCHeapStats += stats =>
            {
                if (full >= 0)
                {
                    read.TrySetResult(new HeapReading(
                        stats.TotalPromotedSize0 + stats.TotalPromotedSize1 + stats.TotalPromotedSize2 + stats.TotalPromotedSize3 + stats.TotalPromotedSize4,
                        stats.GenerationSize0 + stats.GenerationSize1 + stats.GenerationSize2 + stats.GenerationSize3 + stats.GenerationSize4,
                        committed));
                }
            };
            var processing = Task.Run(source.Process, CancellationToken.None);
            try
            {
                return await read.Task.WaitAsync(timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"process {processId} reported no full collection within {timeout.TotalSeconds:0} s of the request");
            }
            finally
            {
                try
                {
                    await session.StopAsync(CancellationToken.None);
                }
                catch (Exception ex) when (ex is ServerNotAvailableException or DiagnosticsClientException or IOException or TimeoutException)
                {
                    // The process is gone: its session and stream end with it.
                }

                await processing.WaitAsync(timeout, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
