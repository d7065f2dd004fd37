using System.Net;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Tests.Security;

public sealed class LimitsAndCorsTests
{
    [Fact]
    public async Task The_page_token_endpoint_is_rate_limited_per_client_with_429()
    {
        using var factory = new FaqBotFactory().With("RateLimits:ChatTokensPerMinute", "5");
        var http = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await http.PostAsync("/api/chat-token", null)).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Direct_line_calls_are_rate_limited_per_token_and_another_conversation_keeps_its_own_budget()
    {
        using var factory = new FaqBotFactory().With("RateLimits:DirectLinePerMinute", "30");
        var busy = await DirectLineClient.StartAsync(factory.CreateClient());
        var path = $"/v3/directline/conversations/{busy.ConversationId}/activities";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            statuses.Add((await busy.SendAsync(HttpMethod.Get, path)).StatusCode);
        }

        var other = await DirectLineClient.StartAsync(factory.CreateClient());
        var response = await other.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{other.ConversationId}/activities");

        Assert.Equal(29, statuses.Count(s => s == HttpStatusCode.OK)); // starting the conversation spent one
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Cors_is_off_unless_origins_are_configured()
    {
        using var closed = new FaqBotFactory();
        using var open = new FaqBotFactory().With("Cors:AllowedOrigins:0", "https://clinic.example");

        var refused = await closed.CreateClient().SendAsync(Preflight("https://clinic.example"));
        var allowed = await open.CreateClient().SendAsync(Preflight("https://clinic.example"));
        var stranger = await open.CreateClient().SendAsync(Preflight("https://elsewhere.example"));

        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("https://clinic.example", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("DirectLine:TokenLifetimeMinutes", "15")]
    [InlineData("Cors:AllowedOrigins:0", "clinic.example/page")]
    [InlineData("RateLimits:ChatTokensPerMinute", "0")]
    public void Invalid_settings_stop_the_host_at_start(string key, string value)
    {
        using var factory = new FaqBotFactory().With(key, value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.IsType<OptionsValidationException>(error.GetBaseException());
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }
}
