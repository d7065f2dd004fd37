using System.Diagnostics;
using System.Text;

namespace FaqBot.Fuzz;

/// <summary>What came back: the status (0 when no response came), the time to the end of the body,
/// the headers the fuzzer reads, the start of the body, and the error when the exchange failed.</summary>
internal sealed record FuzzResponse(int Status, TimeSpan Elapsed, string Body, string? Error)
{
    public string? Location { get; init; }

    public string? RetryAfter { get; init; }

    public IReadOnlyList<string> SetCookies { get; init; } = [];
}

/// <summary>Sends fuzz requests one at a time over a client that follows no redirect, keeps no
/// cookie, and sends header values byte for byte (UTF-8), so nothing is cleaned up on the way. Each
/// request is numbered and carries its number as the W3C trace id (<c>traceparent</c>), which the
/// host writes beside anything it logs while serving it. Every exchange is handed to
/// <see cref="Observed"/>, set-up requests included.</summary>
internal sealed class FuzzClient(Uri host, TimeSpan timeout) : IDisposable
{
    /// <summary>The first half of every trace id the fuzzer sends; the second half is the request's number.</summary>
    public const string TracePrefix = "f0220000f0220000";

    private const int MaxBodyKept = 256 * 1024;

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        ResponseHeaderEncodingSelector = (_, _) => Encoding.UTF8,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public Uri Host => host;

    public Action<long, FuzzRequest, FuzzResponse>? Observed { get; set; }

    private long _sent;

    public async Task<FuzzResponse> SendAsync(FuzzRequest request, CancellationToken cancellationToken)
    {
        var number = ++_sent;
        var response = await ExchangeAsync(request.WithHeader("traceparent", $"00-{TracePrefix}{number:x16}-00f067aa0ba902b7-01"), cancellationToken);
        Observed?.Invoke(number, request, response);
        request.Session?.Observe(response);
        return response;
    }

    private async Task<FuzzResponse> ExchangeAsync(FuzzRequest request, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        var status = 0;
        try
        {
            using var message = request.ToMessage(host);
            using var answer = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            status = (int)answer.StatusCode;
            var body = await ReadAsync(answer, deadline.Token);
            return new FuzzResponse(status, clock.Elapsed, body, null)
            {
                Location = answer.Headers.Location?.OriginalString,
                RetryAfter = answer.Headers.TryGetValues("Retry-After", out var retry) ? string.Join(",", retry) : null,
                SetCookies = answer.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : [],
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FuzzResponse(status, clock.Elapsed, "", $"no complete response within {timeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            var what = status == 0 ? "no response" : "the body was cut off";
            return new FuzzResponse(status, clock.Elapsed, "", $"{what}: {ex.Message}{(ex.InnerException is { } inner ? $" ({inner.Message})" : "")}");
        }
    }

    /// <summary>The whole body is read (so the time includes it); only its start is kept.</summary>
    private static async Task<string> ReadAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        await using var stream = await answer.Content.ReadAsStreamAsync(cancellationToken);
        var kept = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (kept.Length < MaxBodyKept)
            {
                kept.Write(buffer, 0, (int)Math.Min(read, MaxBodyKept - kept.Length));
            }
        }

        return Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
    }

    public void Dispose() => _http.Dispose();
}
