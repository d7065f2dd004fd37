using System.Net;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Tests.Security;

/// <summary>Behind a trusted proxy each client keeps its own budget (the forwarded address counts);
/// a forwarded address from anyone else is ignored, and bad proxy settings stop the start.</summary>
public sealed class ProxyHeadersTests
{
    private const string Proxy = "10.0.0.9";

    [Fact]
    public async Task Clients_behind_a_trusted_proxy_each_have_their_own_budget()
    {
        await using var factory = Limited().With("ForwardedHeaders:KnownProxies:0", Proxy);
        var http = factory.CreateClient().From(Proxy);

        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { "203.0.113.1", "203.0.113.2", "203.0.113.3" })
        {
            statuses.Add((await PostForwardedAsync(http, client)).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostForwardedAsync(http, "203.0.113.1")).StatusCode);
    }

    [Fact]
    public async Task Without_trusted_proxies_the_forwarded_address_is_ignored()
    {
        await using var factory = Limited();
        var http = factory.CreateClient().From(Proxy);

        var first = await PostForwardedAsync(http, "203.0.113.1");
        var second = await PostForwardedAsync(http, "203.0.113.2");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task A_forwarded_address_from_a_host_that_is_no_trusted_proxy_is_ignored()
    {
        await using var factory = Limited().With("ForwardedHeaders:KnownProxies:0", Proxy);
        var http = factory.CreateClient().From("198.51.100.7");

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostForwardedAsync(http, "203.0.113.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostForwardedAsync(http, "203.0.113.2")).StatusCode);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.example", "not an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "CIDR")]
    public void Bad_proxy_settings_stop_the_start(string key, string value, string reason)
    {
        using var factory = new FaqBotFactory().With(key, value);

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    /// <summary>One chat token a minute per client, so the second from one client is refused.</summary>
    private static FaqBotFactory Limited() => new FaqBotFactory().WithClientAddresses().With("RateLimits:ChatTokensPerMinute", "1");

    private static Task<HttpResponseMessage> PostForwardedAsync(HttpClient http, string client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat-token");
        request.Headers.Add("X-Forwarded-For", client);
        return http.SendAsync(request);
    }
}
