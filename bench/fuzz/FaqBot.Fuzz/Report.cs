using System.Globalization;
using System.Text;

namespace FaqBot.Fuzz;

/// <summary>The run in numbers (requests per endpoint, statuses, the slowest response, the slowest
/// 20,000-character patient message, the managed heap after full collections, resident memory) and each distinct failure with the request that
/// caused it, written to files and printed as a curl command and a replay command.</summary>
internal sealed class Report
{
    private readonly SortedDictionary<string, int> _endpoints = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, int> _statuses = [];
    private (TimeSpan Elapsed, string What) _slowest;
    private (TimeSpan Elapsed, string What, int Count) _longestMessages;

    public int Requests { get; private set; }

    public long Cases { get; set; }

    public long BaselineBytes { get; set; }

    public long PeakBytes { get; set; }

    public long FinalBytes { get; set; }

    /// <summary>The managed heap after each full collection the run induced, by time since the warm-up.</summary>
    public List<MemoryReading> HeapReadings { get; } = [];

    /// <summary>The latest heap reading, for the progress lines.</summary>
    public string LastHeap => HeapReadings.Count == 0 ? "" : $", {Checks.Mb(HeapReadings[^1].Heap.LiveBytes)} MB live on the managed heap";

    public List<string> Notes { get; } = [];

    public void Record(FuzzRequest request, FuzzResponse response)
    {
        Requests++;
        _endpoints[request.Endpoint] = _endpoints.GetValueOrDefault(request.Endpoint) + 1;
        _statuses[response.Status] = _statuses.GetValueOrDefault(response.Status) + 1;
        var what = $"{request.Endpoint} [{request.Shape}] -> {response.Status}";
        if (response.Elapsed > _slowest.Elapsed)
        {
            _slowest = (response.Elapsed, what);
        }

        if (request.PatientMessageLength >= Generators.Hostile.LongestMessage && response.Status is >= 200 and < 300)
        {
            _longestMessages = (response.Elapsed > _longestMessages.Elapsed ? response.Elapsed : _longestMessages.Elapsed,
                response.Elapsed > _longestMessages.Elapsed ? what : _longestMessages.What, _longestMessages.Count + 1);
        }
    }

    public void Print(TextWriter output, IReadOnlyCollection<Failure> failures, string replayArguments, string outFolder)
    {
        output.WriteLine();
        output.WriteLine($"Requests per endpoint ({Requests} requests in {Cases} cases):");
        foreach (var (endpoint, count) in _endpoints)
        {
            output.WriteLine($"  {count,7}  {endpoint}");
        }

        output.WriteLine("Statuses: " + string.Join(", ", _statuses.Select(s => $"{(s.Key == 0 ? "none" : s.Key.ToString(CultureInfo.InvariantCulture))}: {s.Value}")));
        output.WriteLine($"Slowest response: {_slowest.Elapsed.TotalMilliseconds:0} ms, {_slowest.What}");
        output.WriteLine(_longestMessages.Count == 0
            ? "Slowest 20,000-character patient message: none was answered"
            : $"Slowest 20,000-character patient message: {_longestMessages.Elapsed.TotalMilliseconds:0} ms of {_longestMessages.Count} answered (goal: under 1,000 ms), {_longestMessages.What}");
        output.WriteLine($"Host resident memory: {Checks.Mb(BaselineBytes)} MB after the warm-up, {Checks.Mb(PeakBytes)} MB at the peak ({Growth(PeakBytes - BaselineBytes)} MB), {Checks.Mb(FinalBytes)} MB at the end");
        if (HeapReadings.Count == 0)
        {
            output.WriteLine("Host managed heap: not read");
        }
        else
        {
            var (first, last) = (HeapReadings[0], HeapReadings[^1]);
            output.WriteLine($"Host managed heap after a full collection: {Heap(first.Heap)} after the warm-up, {Heap(last.Heap)} at the end ({Growth(last.Heap.LiveBytes - first.Heap.LiveBytes)} MB live)");
            output.WriteLine("  by time since the warm-up, MB live / committed by the collector / resident outside it: "
                + string.Join(", ", HeapReadings.Select(r => $"{r.At.TotalSeconds:0} s {Checks.Mb(r.Heap.LiveBytes)}/{Checks.Mb(r.Heap.CommittedBytes)}/{Checks.Mb(r.OutsideHeapBytes)}")));
        }
        foreach (var note in Notes)
        {
            output.WriteLine(note);
        }

        output.WriteLine(failures.Count == 0 ? "No failures." : $"{failures.Count} distinct failures ({failures.Sum(f => f.Count)} in all):");
        var number = 0;
        foreach (var failure in failures.OrderBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Route, StringComparer.Ordinal))
        {
            number++;
            output.WriteLine();
            output.WriteLine($"[{number}] {failure.Kind} at {string.Join("|", failure.Methods)} {failure.Route}, {failure.Count} time(s); first in case {failure.Case}");
            output.WriteLine($"    cause: {failure.Cause}");
            output.WriteLine($"    seen: {failure.Detail}");
            if (failure.Request is { } request)
            {
                output.WriteLine($"    request: {request.Describe()}");
                output.WriteLine($"    replay it: {Replay(request, Path.Combine(outFolder, $"failure-{number:000}"))}");
            }

            if (failure.Request is not null)
            {
                output.WriteLine($"    replay the case on a fresh host: dotnet run -c Release --project bench/fuzz/FaqBot.Fuzz -- {replayArguments} --replay {failure.Case}");
            }
        }
    }

    private static string Heap(HeapReading heap) => $"{Checks.Mb(heap.LiveBytes)} MB live ({Checks.Mb(heap.HeapBytes)} MB of generations, {Checks.Mb(heap.CommittedBytes)} MB committed)";

    private static string Growth(long bytes) => (bytes < 0 ? "-" : "+") + Checks.Mb(Math.Abs(bytes)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the request's headers and body beside each other and returns the curl command
    /// that sends them (its tokens and cookies were the run's host's: a fresh host refuses them).</summary>
    private static string Replay(FuzzRequest request, string stem)
    {
        File.WriteAllBytes(stem + ".headers", request.HeaderLines());
        string? body = null;
        if (request.Body is not null)
        {
            body = stem + ".body";
            File.WriteAllBytes(body, request.Body);
        }

        File.WriteAllText(stem + ".txt", request.Describe() + "\n", Encoding.UTF8);
        return request.ToCurl(stem + ".headers", body);
    }
}
