using System.Diagnostics;
using System.Globalization;

namespace FaqBot.Fuzz;

/// <summary>One thing that went wrong: its kind, the route, what was seen, the first case and
/// request that showed it (to print and replay), the methods and how often it was seen.</summary>
internal sealed record Failure(string Kind, string Route, string Cause, string Detail, long Case, FuzzRequest? Request)
{
    public int Count { get; set; } = 1;

    public SortedSet<string> Methods { get; } = new(StringComparer.Ordinal);

    /// <summary>Failures of one kind at one route from one cause (the exception's signature when
    /// the host logged one, else the request's shape) are one finding, whatever the method.</summary>
    public string Key => $"{Kind}|{Route}|{Cause}";
}

/// <summary>What fails a run: any 5xx, a request without a complete response, a response slower
/// than the bound (after the warm-up), an error or crash the host logged (a turn that failed after
/// its response was sent), the host's managed heap (after a full collection) or its resident memory
/// growing past their bounds, the host exiting.
/// A 5xx waits for the error the host logged while serving it (matched by trace id), so findings
/// are grouped by cause rather than by every shape of request that reaches it.</summary>
internal sealed class Checks(TimeSpan slowerThan, long heapLimitBytes, long memoryLimitBytes)
{
    /// <summary>A body this large may be refused while it is still being sent; the host then closes
    /// the connection, which is not a failure.</summary>
    private const int LargeBody = 256 * 1024;

    private const int Remembered = 4_096;

    /// <summary>How long a 5xx waits for the error the host logs while serving it.</summary>
    private static readonly TimeSpan LogDelay = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, Failure> _distinct = new(StringComparer.Ordinal);
    private readonly Dictionary<long, (long Case, FuzzRequest Request, FuzzResponse Response)> _recent = [];
    private readonly SortedDictionary<long, (string Seen, long At)> _unexplained5xx = [];
    private FuzzRequest? _lastToMessages;

    public IReadOnlyCollection<Failure> Failures => _distinct.Values;

    /// <summary>Off during the warm-up, while pages are compiled and code is jitted.</summary>
    public bool Timing { get; set; }

    public long Case { get; set; }

    public FuzzRequest? Last { get; private set; }

    /// <summary>Errors logged by the framework about a request it still served (not failures).</summary>
    public int FrameworkErrors { get; private set; }

    public void Response(long number, FuzzRequest request, FuzzResponse response)
    {
        Last = request;
        _lastToMessages = request.Route == "/api/messages" ? request : _lastToMessages;
        _recent[number] = (Case, request, response);
        _recent.Remove(number - Remembered);
        if (response.Status >= 500)
        {
            _unexplained5xx[number] = ($"{response.Status} {Excerpt(response.Body)}", Stopwatch.GetTimestamp());
        }

        if (response.Error is not null && !(response.Status == 0 && request.Body?.Length > LargeBody))
        {
            Add(response.Status == 0 ? "no response" : "body cut off", request, request.Shape, response.Error);
        }
        else if (Timing && response.Elapsed > slowerThan)
        {
            Add("slow", request, request.Shape, $"{response.Elapsed.TotalMilliseconds:0} ms (bound {slowerThan.TotalMilliseconds:0} ms), status {response.Status}");
        }
    }

    /// <summary>Errors the host logged: each joins the 5xx of the request it was serving, or is a
    /// failure of its own when the product logged it (a turn that failed behind a 200, or after the
    /// 202 of <c>/api/messages</c>: the last activity posted there is shown as the likely cause).</summary>
    public void HostErrors(IEnumerable<HostError> errors)
    {
        foreach (var error in errors)
        {
            var number = error.TraceId is { Length: 32 } id && id.StartsWith(FuzzClient.TracePrefix, StringComparison.Ordinal)
                ? long.Parse(id[16..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : -1;
            if (!_recent.TryGetValue(number, out var served))
            {
                Add("host logged an error", _lastToMessages, error.Signature, error.Text, endpoint: "(after a response: a queued turn or a background job)");
            }
            else if (served.Response.Status >= 500)
            {
                _unexplained5xx.Remove(number);
                Add("5xx", served.Request, error.Signature, $"{served.Response.Status}; {error.Text}", served.Case);
            }
            else if (error.ByProduct)
            {
                Add("host logged an error", served.Request, error.Signature, $"answered {served.Response.Status}; {error.Text}", served.Case);
            }
            else
            {
                FrameworkErrors++;
            }
        }
    }

    /// <summary>A 5xx the host logged nothing for within a moment is a finding by its request's shape.</summary>
    public void SettleUnexplained(bool all)
    {
        foreach (var (number, (seen, at)) in _unexplained5xx.ToList())
        {
            if ((all || Stopwatch.GetElapsedTime(at) > LogDelay) && _unexplained5xx.Remove(number) && _recent.TryGetValue(number, out var served))
            {
                Add("5xx", served.Request, served.Request.Shape, seen, served.Case);
            }
        }
    }

    /// <summary>True (and a failure) when what the host's managed heap holds after a full collection
    /// grew past its bound since the warm-up: data the host keeps. The run stops there.</summary>
    public bool HeapExceeded(HeapReading baseline, HeapReading now)
    {
        var growth = now.LiveBytes - baseline.LiveBytes;
        if (growth <= heapLimitBytes)
        {
            return false;
        }

        Add("memory", null, "managed heap", $"the managed heap holds {Mb(now.LiveBytes)} MB after a full collection, {Mb(growth)} MB more than the {Mb(baseline.LiveBytes)} MB after the warm-up "
            + $"(bound {Mb(heapLimitBytes)} MB), seen after case {Case}; growth over a run is rarely one request's: dotnet-gcdump at two moments of a long run shows what is kept", endpoint: "(the host over the run)");
        return true;
    }

    /// <summary>True (and a failure) when resident memory grew past its bound since the warm-up. Its
    /// bound is wider than the heap's: resident memory also holds what the server garbage collector
    /// keeps committed, so this catches native memory and runaway requests. The run stops there.</summary>
    public bool ResidentExceeded(long baselineBytes, long residentBytes)
    {
        if (residentBytes - baselineBytes <= memoryLimitBytes)
        {
            return false;
        }

        Add("memory", null, "resident memory", $"resident memory {Mb(residentBytes)} MB, {Mb(residentBytes - baselineBytes)} MB above the {Mb(baselineBytes)} MB after the warm-up (bound {Mb(memoryLimitBytes)} MB), "
            + $"reached in case {Case}; compare with the managed heap in the report: memory outside it (native) or a runaway request", endpoint: "(the host over the run)");
        return true;
    }

    /// <summary>The heap could not be read: without it the run has not shown its memory is bounded.</summary>
    public void HeapUnreadable(string why) => Add("memory", null, "managed heap unreadable", why, endpoint: "(the host over the run)");

    public void HostExited() => Add("host exited", Last, "", "the host process is gone");

    public void Add(string kind, FuzzRequest? request, string cause, string detail, long? caseNumber = null, string? endpoint = null)
    {
        var failure = new Failure(kind, endpoint ?? request?.Route ?? "(none)", cause, detail, caseNumber ?? Case, request);
        if (_distinct.TryGetValue(failure.Key, out var seen))
        {
            seen.Count++;
        }
        else
        {
            _distinct[failure.Key] = seen = failure;
        }

        if (endpoint is null && request is not null)
        {
            seen.Methods.Add(request.Method);
        }
    }

    public static long Mb(long bytes) => bytes / (1024 * 1024);

    private static string Excerpt(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
