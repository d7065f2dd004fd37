using System.Globalization;
using System.Text.Json;

namespace FaqBot.Fuzz;

/// <summary>Against a host with small rate limits (<see cref="Settings"/>): a burst of twice the
/// limit at each limited endpoint must be refused with 429 and a Retry-After of whole seconds,
/// never a 5xx, and a Direct Line token whose budget is spent stays limited when its
/// Authorization header is spelled differently.</summary>
internal static class RateLimitPhase
{
    private const int ChatTokens = 10;
    private const int DirectLine = 60;
    private const int Messages = 60;
    private const int SignIns = 10;

    /// <summary>The limits of the phase's host, per minute (<c>RateLimits__*</c>).</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["RateLimits__ChatTokensPerMinute"] = ChatTokens.ToString(CultureInfo.InvariantCulture),
        ["RateLimits__DirectLinePerMinute"] = DirectLine.ToString(CultureInfo.InvariantCulture),
        ["RateLimits__MessagesPerMinute"] = Messages.ToString(CultureInfo.InvariantCulture),
        ["RateLimits__SignInsPerMinute"] = SignIns.ToString(CultureInfo.InvariantCulture),
    };

    public static async Task RunAsync(FuzzClient client, Checks checks, Report report, CancellationToken cancellationToken)
    {
        var issued = await client.SendAsync(new FuzzRequest("/api/chat-token", "rate limits: a chat", "POST", "/api/chat-token"), cancellationToken);
        using var json = JsonDocument.Parse(issued.Body);
        var token = json.RootElement.GetProperty("token").GetString()!;
        var poll = $"/v3/directline/conversations/{json.RootElement.GetProperty("conversationId").GetString()}/activities";
        FuzzRequest Poll(string authorization) =>
            FuzzRequest.Get("/v3/directline/conversations/{id}/activities", "rate limits: polling with one token", poll).WithHeader("Authorization", authorization);

        await BurstAsync(client, checks, report, "Direct Line calls with one token", 2 * DirectLine, () => Poll("Bearer " + token), cancellationToken);
        foreach (var respelled in new[] { "bearer " + token, "Bearer  " + token, "BEARER " + token + " " })
        {
            var request = Poll(respelled) with { Shape = "rate limits: the spent token, respelled" };
            var response = await client.SendAsync(request, cancellationToken);
            if (response.Status != 429)
            {
                checks.Add("rate limit", request, request.Shape, $"the spent token escaped its limit when its header was respelled ({response.Status})");
            }
        }

        await BurstAsync(client, checks, report, "chat tokens from one address", 2 * ChatTokens,
            () => new FuzzRequest("/api/chat-token", "rate limits: chat tokens", "POST", "/api/chat-token"), cancellationToken);
        await BurstAsync(client, checks, report, "/api/messages from one address", 2 * Messages,
            () => FuzzRequest.Json("/api/messages", "rate limits: activities", "POST", "/api/messages", "{}"), cancellationToken);
        await BurstAsync(client, checks, report, "sign-in posts from one address", 2 * SignIns,
            () => FuzzRequest.Form("/account/signin", "rate limits: sign-in posts", "/account/signin", [("Name", "nobody"), ("Password", "wrong")], null, withToken: false),
            cancellationToken);
    }

    private static async Task BurstAsync(FuzzClient client, Checks checks, Report report, string what, int count, Func<FuzzRequest> request, CancellationToken cancellationToken)
    {
        int? firstRefused = null;
        var retryAfter = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= count; i++)
        {
            var sent = request();
            var response = await client.SendAsync(sent, cancellationToken);
            if (response.Status != 429)
            {
                continue;
            }

            firstRefused ??= i;
            retryAfter.Add(response.RetryAfter ?? "(none)");
            if (!int.TryParse(response.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
            {
                checks.Add("rate limit", sent, sent.Shape, $"429 with Retry-After '{response.RetryAfter}' (whole seconds expected)");
            }
        }

        if (firstRefused is null)
        {
            checks.Add("rate limit", request(), what, $"{count} {what} in a burst, none refused with 429");
        }

        report.Notes.Add($"Rate limit, {what}: {(firstRefused is { } n ? $"429 from request {n} of {count}, Retry-After {string.Join("/", retryAfter)} s" : $"no 429 in {count}")}");
    }
}
