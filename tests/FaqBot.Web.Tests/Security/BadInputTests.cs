using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Turns;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace FaqBot.Web.Tests.Security;

public sealed class BadInputTests(BadInputTests.Host host) : IClassFixture<BadInputTests.Host>
{
    public sealed class Host : IDisposable
    {
        public FaqBotFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private async Task<(DirectLineClient Client, string Path)> ConversationAsync()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        return (client, $"/v3/directline/conversations/{client.ConversationId}/activities");
    }

    [Fact]
    public async Task An_activity_larger_than_the_limit_is_refused_with_413()
    {
        var (client, path) = await ConversationAsync();

        var response = await client.SendAsync(HttpMethod.Post, path, new JsonObject { ["type"] = "message", ["text"] = new string('a', 40 * 1024) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_large_body_without_a_length_header_is_refused_too()
    {
        var (client, path) = await ConversationAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('a', 40 * 1024) + "\"}"))) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new("Bearer", client.Token);

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\": \"message\", ")]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    [InlineData("{\"type\": 5}")]
    [InlineData("")]
    public async Task Malformed_json_is_refused_with_400_and_a_reason(string body)
    {
        var (client, path) = await ConversationAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", client.Token);

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("detail", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_without_a_type_a_client_may_send_is_refused()
    {
        var (client, path) = await ConversationAsync();

        var missing = await client.SendAsync(HttpMethod.Post, path, new JsonObject { ["text"] = "hi" });
        var update = await client.SendAsync(HttpMethod.Post, path, new JsonObject { ["type"] = "conversationUpdate" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, update.StatusCode);
    }

    [Fact]
    public async Task A_watermark_the_server_did_not_issue_is_refused()
    {
        var (client, path) = await ConversationAsync();

        var response = await client.SendAsync(HttpMethod.Get, path + "?watermark=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_conversation_is_404()
    {
        var client = new DirectLineClient(host.Factory.CreateClient());

        var read = await client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nosuchconversation/activities", token: FaqBotFactory.TestSecret);
        var post = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations/nosuchconversation/activities", new JsonObject { ["type"] = "message" }, token: FaqBotFactory.TestSecret);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}

public sealed class BotFailureTests : IDisposable
{
    private readonly FaqBotFactory _factory;

    public BotFailureTests()
    {
        var bot = new Mock<IBot>();
        bot.Setup(b => b.OnTurnAsync(It.IsAny<TurnContext>(), It.IsAny<CancellationToken>()))
            .Returns((TurnContext turn, CancellationToken _) => turn.Activity.Type == "message"
                ? throw new InvalidOperationException("the bot broke")
                : Task.CompletedTask);
        _factory = new FaqBotFactory().WithServices(s => s.AddSingleton(bot.Object));
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_failing_bot_neither_crashes_the_host_nor_stalls_polling_and_the_patient_gets_the_apology()
    {
        var client = await DirectLineClient.StartAsync(_factory.CreateClient());

        var id = await client.SayAsync("hello?");
        var activities = await client.ReadAsync();
        await client.SayAsync("still there?");
        var later = await client.ReadAsync();

        Assert.Equal(id, (string?)activities[0]["id"]);
        var apology = Assert.Single(activities, a => (string?)a["replyToId"] == id);
        Assert.Contains("911", (string)apology["text"]!, StringComparison.Ordinal);
        Assert.Equal(2, later.Count);
    }
}
