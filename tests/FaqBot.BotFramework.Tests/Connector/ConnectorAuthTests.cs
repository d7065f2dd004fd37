using System.Net;
using System.Text.Json;
using FaqBot.BotFramework.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FaqBot.BotFramework.Tests.Connector;

public sealed class ConnectorAuthTests
{
    [Fact]
    public async Task A_valid_token_is_accepted_and_the_reply_goes_back_with_the_bots_token()
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Authenticated());
        var activity = ConnectorHost.Message("When are you open?", conversationId: "19:abc|livechat;messageid=7");

        // The claim differs from the activity only by case and the trailing slash.
        var token = TestTokens.Create("https://Connector.test/amer");
        var response = await host.PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var heard = await host.Bot.NextHeardAsync();
        Assert.Equal("When are you open?", heard.Text);

        var reply = await host.Http.NextToAsync("https://connector.test/");
        Assert.Equal(HttpMethod.Post, reply.Method);
        Assert.Equal("/amer/v3/conversations/19%3Aabc%7Clivechat%3Bmessageid%3D7/activities/activity-1", reply.Uri.PathAndQuery);
        Assert.Equal("Bearer " + ConnectorHost.ConnectorToken, reply.Authorization);
        var sent = JsonSerializer.Deserialize<Activity>(reply.Body, ActivityJson.Options)!;
        Assert.Equal("echo: When are you open?", sent.Text);
        Assert.Equal("user-1", sent.Recipient?.Id);
        Assert.Equal("activity-1", sent.ReplyToId);

        var tokenRequest = Assert.Single(host.Http.Requests, r => r.Uri.AbsoluteUri == ConnectorHost.TokenUrl);
        Assert.Contains("grant_type=client_credentials", tokenRequest.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=" + TestTokens.AppId, tokenRequest.Body, StringComparison.Ordinal);
        Assert.Contains("client_secret=app-secret", tokenRequest.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", tokenRequest.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        await AssertUnauthorizedAsync(TestTokens.Create(ConnectorHost.ServiceUrl, audience: "some-other-bot"));
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_401()
    {
        await AssertUnauthorizedAsync(TestTokens.Create(ConnectorHost.ServiceUrl, issuer: "https://sts.example.test/"));
    }

    [Fact]
    public async Task An_expired_token_is_401_beyond_the_clock_skew()
    {
        await AssertUnauthorizedAsync(TestTokens.Create(ConnectorHost.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10)));
    }

    [Fact]
    public async Task A_token_signed_by_a_key_that_is_not_published_is_401()
    {
        await AssertUnauthorizedAsync(TestTokens.Create(ConnectorHost.ServiceUrl, signedByStranger: true));
    }

    [Fact]
    public async Task A_garbage_token_is_401()
    {
        await AssertUnauthorizedAsync("not-a-jwt");
    }

    [Fact]
    public async Task No_authorization_header_is_401_when_an_app_id_is_set()
    {
        await AssertUnauthorizedAsync(token: null);
    }

    [Fact]
    public async Task A_token_for_another_service_url_is_403()
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Authenticated());

        var response = await host.PostAsync(ConnectorHost.Message("hi"), TestTokens.Create("https://attacker.test/amer/"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.Bot.HeardCount);
    }

    [Fact]
    public async Task A_channel_the_signing_key_is_not_endorsed_for_is_403()
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Authenticated());

        var response = await host.PostAsync(ConnectorHost.Message("hi", channelId: "slack"), TestTokens.Create(ConnectorHost.ServiceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.Bot.HeardCount);
    }

    [Fact]
    public async Task Auth_disabled_accepts_requests_without_a_header_and_replies_without_one()
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());
        var activity = ConnectorHost.Message("hello", channelId: "emulator", serviceUrl: "http://localhost:5005", conversationId: "abc|livechat");
        host.Http.Route("http://localhost:5005/", _ => FakeHttp.Json("""{"id":"emulated"}"""));

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = await host.Http.NextToAsync("http://localhost:5005/");
        Assert.Equal("/v3/conversations/abc%7Clivechat/activities/activity-1", reply.Uri.PathAndQuery);
        Assert.Null(reply.Authorization);
        Assert.Equal(0, host.Http.CountTo("https://login.test/"));
    }

    [Fact]
    public async Task Auth_disabled_rejects_a_request_that_carries_a_token()
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());

        var response = await host.PostAsync(ConnectorHost.Message("hello"), TestTokens.Create(ConnectorHost.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Bot.HeardCount);
    }

    [Fact]
    public async Task The_scheme_does_not_authenticate_other_endpoints()
    {
        await using var host = await ConnectorHost.StartAsync(
            ConnectorHost.Authenticated(),
            app => app.MapGet("/whoami", (HttpContext context) => context.User.Identity?.IsAuthenticated == true ? "signed in" : "anonymous"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.Authorization = new("Bearer", TestTokens.Create(ConnectorHost.ServiceUrl));

        var response = await host.Client.SendAsync(request);

        Assert.Equal("anonymous", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, host.Http.CountTo(TestTokens.MetadataUrl));
    }

    private static async Task AssertUnauthorizedAsync(string? token)
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Authenticated());

        var response = await host.PostAsync(ConnectorHost.Message("hi"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Bot.HeardCount);
    }
}
