using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Web.Tests.Security;

/// <summary>Who may call what: tokens are bound to one conversation, expire, and refresh; the
/// secret is needed for generate and never leaves the server.</summary>
public sealed class DirectLineAccessTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly FaqBotFactory _factory;

    public DirectLineAccessTests()
    {
        _factory = new FaqBotFactory().WithServices(s => s.AddSingleton<TimeProvider>(_time));
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_token_can_neither_read_nor_post_to_another_conversation()
    {
        var alice = await DirectLineClient.StartAsync(_factory.CreateClient());
        var bob = await DirectLineClient.StartAsync(_factory.CreateClient());
        await bob.SayAsync("what should I bring");

        var read = await alice.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{bob.ConversationId}/activities");
        var post = await alice.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{bob.ConversationId}/activities", new JsonObject { ["type"] = "message", ["text"] = "hi" });
        var resume = await alice.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{bob.ConversationId}");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, resume.StatusCode);
        Assert.DoesNotContain(await bob.ReadAsync(), a => (string?)a["text"] == "hi");
    }

    [Fact]
    public async Task The_token_user_overrides_the_user_id_a_client_writes()
    {
        var client = await DirectLineClient.StartAsync(_factory.CreateClient());
        await client.ReadAsync();

        await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities",
            new JsonObject { ["type"] = "message", ["text"] = "hi", ["from"] = new JsonObject { ["id"] = "someone-else", ["role"] = "bot" } });
        var echo = (await client.ReadAsync())[0];

        Assert.NotEqual("someone-else", (string?)echo["from"]!["id"]);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
    }

    [Fact]
    public async Task Every_direct_line_call_without_a_valid_credential_is_forbidden()
    {
        var client = await DirectLineClient.StartAsync(_factory.CreateClient());
        var calls = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Post, "/v3/directline/tokens/generate"),
            (HttpMethod.Post, "/v3/directline/tokens/refresh"),
            (HttpMethod.Post, "/v3/directline/conversations"),
            (HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}"),
            (HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities"),
            (HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities"),
        };

        foreach (var (method, path) in calls)
        {
            var response = await client.SendAsync(method, path, method == HttpMethod.Post ? new JsonObject { ["type"] = "message" } : null, token: "not-a-token");
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_token_expires_and_refresh_gives_one_that_outlives_it()
    {
        var client = await DirectLineClient.StartAsync(_factory.CreateClient());
        var original = client.Token;

        _time.Advance(TimeSpan.FromMinutes(15));
        var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
        var refreshed = (string)(await refresh.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        _time.Advance(TimeSpan.FromMinutes(20));

        var withOld = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", token: original);
        var withNew = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", token: refreshed);

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
    }

    [Fact]
    public async Task Tokens_generate_needs_the_secret_and_binds_the_token_to_the_new_conversation()
    {
        var http = _factory.CreateClient();
        var client = new DirectLineClient(http);

        var withoutSecret = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", token: "guess");
        var generated = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate",
            new JsonObject { ["User"] = new JsonObject { ["Id"] = "patient-7" } }, token: FaqBotFactory.TestSecret);
        var body = (await generated.Content.ReadFromJsonAsync<JsonObject>())!;
        var token = (string)body["token"]!;
        var start = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token: token);
        var started = (await start.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.Forbidden, withoutSecret.StatusCode);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.True((int)body["expires_in"]! > 15 * 60);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal((string?)body["conversationId"], (string?)started["conversationId"]);
    }

    [Fact]
    public async Task The_secret_starts_a_conversation_and_gets_a_token_for_it()
    {
        var client = new DirectLineClient(_factory.CreateClient());

        var start = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", token: FaqBotFactory.TestSecret);
        var body = (await start.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.NotEqual(FaqBotFactory.TestSecret, (string?)body["token"]);
        var read = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{body["conversationId"]}/activities", token: (string)body["token"]!);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task The_secret_never_reaches_the_browser()
    {
        var http = _factory.CreateClient();

        var page = await http.GetStringAsync("/");
        var script = await http.GetStringAsync("/chat.js");
        var token = await (await http.PostAsync("/api/chat-token", null)).Content.ReadAsStringAsync();

        Assert.Contains("webchat.js", page, StringComparison.Ordinal);
        Assert.DoesNotContain(FaqBotFactory.TestSecret, page + script + token, StringComparison.Ordinal);
    }
}
