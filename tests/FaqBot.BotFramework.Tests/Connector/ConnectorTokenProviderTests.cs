using System.Net;
using FaqBot.BotFramework.Connector;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.BotFramework.Tests.Connector;

public sealed class ConnectorTokenProviderTests : IDisposable
{
    private readonly FakeHttp _http = new();
    private readonly HttpClient _client;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private int _issued;

    public ConnectorTokenProviderTests()
    {
        _client = new HttpClient(_http);
        _http.Route(ConnectorHost.TokenUrl, _ =>
            FakeHttp.Json($$"""{"token_type":"Bearer","expires_in":"3600","access_token":"token-{{Interlocked.Increment(ref _issued)}}"}"""));
    }

    [Fact]
    public async Task The_token_is_cached_until_shortly_before_it_expires_then_refreshed()
    {
        using var provider = Provider();

        Assert.Equal("token-1", await provider.GetTokenAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(1, _http.CountTo(ConnectorHost.TokenUrl));

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal("token-2", await provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, _http.CountTo(ConnectorHost.TokenUrl));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_request()
    {
        using var provider = Provider();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.GetTokenAsync(CancellationToken.None)));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Equal(1, _http.CountTo(ConnectorHost.TokenUrl));
    }

    [Fact]
    public async Task The_request_is_a_client_credentials_grant_for_the_tenant()
    {
        using var provider = Provider();

        await provider.GetTokenAsync(CancellationToken.None);

        var request = Assert.Single(_http.Requests);
        Assert.Equal(ConnectorHost.TokenUrl, request.Uri.AbsoluteUri);
        Assert.Equal(
            "grant_type=client_credentials&client_id=clinic-bot-app-id&client_secret=p%26ss%3Dword&scope=https%3A%2F%2Fapi.botframework.com%2F.default",
            request.Body);
    }

    [Fact]
    public async Task A_refusal_throws_and_is_not_cached()
    {
        using var provider = Provider();
        _http.Route(ConnectorHost.TokenUrl, _ => FakeHttp.Json("""{"error":"invalid_client"}""", HttpStatusCode.Unauthorized));

        await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(CancellationToken.None));
        await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, _http.CountTo(ConnectorHost.TokenUrl));
    }

    public void Dispose() => _client.Dispose();

    private ConnectorTokenProvider Provider() => new(
        _client,
        Options.Create(new BotFrameworkOptions
        {
            MicrosoftAppId = TestTokens.AppId,
            MicrosoftAppPassword = "p&ss=word",
            MicrosoftAppTenantId = "clinic-tenant",
            TokenEndpointTemplate = "https://login.test/{tenant}/oauth2/v2.0/token",
        }),
        _time,
        NullLogger<ConnectorTokenProvider>.Instance);
}
