using System.Net;
using FaqBot.BotFramework.Connector;
using FaqBot.BotFramework.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Tests.Connector;

public sealed class ConnectorReplyChannelTests : IDisposable
{
    private readonly FakeHttp _http = new();
    private readonly HttpClient _client;

    public ConnectorReplyChannelTests()
    {
        _client = new HttpClient(_http);
        _http.Route("https://smba.test/", _ => FakeHttp.Json("""{"id":"1700000000000"}"""));
        _http.Route(ConnectorHost.TokenUrl, _ => FakeHttp.Json("""{"expires_in":3600,"access_token":"outbound"}"""));
    }

    [Fact]
    public async Task A_reply_goes_to_the_escaped_reply_url_and_returns_the_services_id()
    {
        var channel = Channel(Local());
        var activity = Reply(conversationId: "a:1|livechat;messageid=7", replyToId: "x|y;z");

        var id = await channel.SendAsync(activity, CancellationToken.None);

        var request = Assert.Single(_http.Requests);
        Assert.Equal("https://smba.test/emea/v3/conversations/a%3A1%7Clivechat%3Bmessageid%3D7/activities/x%7Cy%3Bz", request.Uri.AbsoluteUri);
        Assert.Equal("/emea/v3/conversations/a%3A1%7Clivechat%3Bmessageid%3D7/activities/x%7Cy%3Bz", request.Uri.PathAndQuery);
        Assert.Equal("1700000000000", id);
        Assert.Equal("thanks", ActivityJson.Deserialize<Activity>(request.Body)!.Text);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task Without_a_reply_to_id_the_activity_is_sent_to_the_conversation()
    {
        var id = await Channel(Local()).SendAsync(Reply("conv-1", replyToId: null), CancellationToken.None);

        Assert.Equal("https://smba.test/emea/v3/conversations/conv-1/activities", Assert.Single(_http.Requests).Uri.AbsoluteUri);
        Assert.Equal("1700000000000", id);
    }

    [Fact]
    public async Task With_an_app_id_the_request_carries_the_bots_token()
    {
        await Channel(Authenticated()).SendAsync(Reply("conv-1", "r1"), CancellationToken.None);

        var sent = Assert.Single(_http.Requests, r => r.Uri.Host == "smba.test");
        Assert.Equal("Bearer outbound", sent.Authorization);
    }

    [Fact]
    public async Task A_response_without_an_id_gets_a_generated_one()
    {
        _http.Route("https://smba.test/", _ => new HttpResponseMessage(HttpStatusCode.OK));

        var id = await Channel(Local()).SendAsync(Reply("conv-1", "r1"), CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(id));
    }

    [Fact]
    public async Task A_refusal_throws_so_the_turn_error_handler_sees_it()
    {
        _http.Route("https://smba.test/", _ => FakeHttp.Json("""{"error":{"code":"Forbidden"}}""", HttpStatusCode.Forbidden));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Channel(Local()).SendAsync(Reply("conv-1", "r1"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    public void Dispose() => _client.Dispose();

    private static BotFrameworkOptions Local() => new();

    private static BotFrameworkOptions Authenticated() => new()
    {
        MicrosoftAppId = TestTokens.AppId,
        MicrosoftAppPassword = "app-secret",
        MicrosoftAppTenantId = "clinic-tenant",
        TokenEndpointTemplate = "https://login.test/{tenant}/oauth2/v2.0/token",
    };

    private ConnectorReplyChannel Channel(BotFrameworkOptions options)
    {
        var tokens = new ConnectorTokenProvider(_client, Options.Create(options), TimeProvider.System, NullLogger<ConnectorTokenProvider>.Instance);
        return new ConnectorReplyChannel(_client, tokens, Options.Create(options), NullLogger<ConnectorReplyChannel>.Instance);
    }

    private static Activity Reply(string conversationId, string? replyToId) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = "https://smba.test/emea/",
        Conversation = new ConversationAccount { Id = conversationId },
        ReplyToId = replyToId,
        Text = "thanks",
    };
}
