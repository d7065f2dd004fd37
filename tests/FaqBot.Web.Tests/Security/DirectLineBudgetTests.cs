using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Web.Tests.Security;

/// <summary>The Direct Line budget belongs to what authentication recognises: one conversation
/// (however its header is spelled and however often its token is refreshed), or one address for
/// headers that do not authenticate. Refreshing is bounded and retires the old token.</summary>
public sealed class DirectLineBudgetTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly FaqBotFactory _factory;

    public DirectLineBudgetTests()
    {
        _factory = new FaqBotFactory()
            .With("RateLimits:DirectLinePerMinute", "12")
            .WithServices(s => s.AddSingleton<TimeProvider>(_time));
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Respelling_the_authorization_header_does_not_buy_a_new_budget()
    {
        var client = await DirectLineClient.StartAsync(_factory.CreateClient());
        var spellings = new[] { "Bearer {0}", "bearer {0}", "BEARER  {0}", "Bearer\t{0} ", " bEaReR {0}" };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 15; i++)
        {
            statuses.Add((await PollAsync(client, string.Format(System.Globalization.CultureInfo.InvariantCulture, spellings[i % spellings.Length], client.Token))).StatusCode);
        }

        Assert.Equal(11, statuses.Count(s => s == HttpStatusCode.OK)); // 12 a minute, one spent starting the conversation
        Assert.All(statuses.Skip(11), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task A_refreshed_token_spends_its_conversations_budget()
    {
        using var factory = new FaqBotFactory()
            .With("RateLimits:DirectLinePerMinute", "12")
            .With("DirectLine:MinSecondsBetweenRefreshes", "0")
            .WithServices(s => s.AddSingleton<TimeProvider>(_time));
        var client = await DirectLineClient.StartAsync(factory.CreateClient());
        var tokens = new List<string> { client.Token };
        for (var i = 0; i < 5; i++)
        {
            var refreshed = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token: tokens[^1]);
            tokens.Add((string)(await refreshed.Content.ReadFromJsonAsync<JsonObject>())!["token"]!);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await PollAsync(client, "Bearer " + tokens[^1])).StatusCode);
        }

        Assert.Equal(6, tokens.Distinct().Count());
        Assert.Equal(6, statuses.Count(s => s == HttpStatusCode.OK)); // 12 = start + 5 refreshes + 6 polls
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Headers_that_do_not_authenticate_share_their_address_budget()
    {
        var http = _factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 14; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/v3/directline/conversations/x/activities");
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer made-up-{i}");
            statuses.Add((await http.SendAsync(request)).StatusCode);
        }

        Assert.Equal(12, statuses.Count(s => s == HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_token_is_refreshed_at_most_once_a_minute_and_the_old_one_stops_working_after_a_short_grace()
    {
        var client = await DirectLineClient.StartAsync(_factory.CreateClient());
        var first = client.Token;
        _time.Advance(TimeSpan.FromMinutes(15));

        var refreshed = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token: first);
        var second = (string)(await refreshed.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        _time.Advance(TimeSpan.FromSeconds(10));
        var tooSoon = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token: second);
        var byTheOldOne = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", token: first);
        var oldInGrace = await PollAsync(client, "Bearer " + first);
        _time.Advance(TimeSpan.FromSeconds(20));
        var oldAfterGrace = await PollAsync(client, "Bearer " + first);
        var newOne = await PollAsync(client, "Bearer " + second);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(50), tooSoon.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Forbidden, byTheOldOne.StatusCode);
        Assert.Equal(HttpStatusCode.OK, oldInGrace.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, oldAfterGrace.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newOne.StatusCode);
    }

    private static Task<HttpResponseMessage> PollAsync(DirectLineClient client, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return client.Http.SendAsync(request);
    }
}
