using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace FaqBot.BotFramework.Tests.Connector;

internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string Body);

/// <summary>Every outbound call the channel makes (metadata, keys, token, replies) lands here:
/// answered by the route with the longest matching URL prefix, 404 otherwise, and recorded.</summary>
internal sealed class FakeHttp : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, HttpResponseMessage>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Channel<RecordedRequest> _arrivals = Channel.CreateUnbounded<RecordedRequest>();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public void Route(string urlPrefix, Func<RecordedRequest, HttpResponseMessage> respond) => _routes[urlPrefix] = respond;

    public int CountTo(string urlPrefix) => _requests.Count(r => r.Uri.AbsoluteUri.StartsWith(urlPrefix, StringComparison.Ordinal));

    /// <summary>The next request to a URL with this prefix, waiting up to ten seconds for it.</summary>
    public async Task<RecordedRequest> NextToAsync(string urlPrefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var request = await _arrivals.Reader.ReadAsync(timeout.Token);
            if (request.Uri.AbsoluteUri.StartsWith(urlPrefix, StringComparison.Ordinal))
            {
                return request;
            }
        }
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body);
        _requests.Enqueue(recorded);
        var respond = _routes
            .Where(r => recorded.Uri.AbsoluteUri.StartsWith(r.Key, StringComparison.Ordinal))
            .OrderByDescending(r => r.Key.Length)
            .Select(r => r.Value)
            .FirstOrDefault();
        var response = respond?.Invoke(recorded) ?? new HttpResponseMessage(HttpStatusCode.NotFound);
        _arrivals.Writer.TryWrite(recorded);
        return response;
    }
}
