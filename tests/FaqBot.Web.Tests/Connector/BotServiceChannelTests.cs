using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Connector;
using FaqBot.Core.Knowledge;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Connector;

/// <summary>The same bot over <c>/api/messages</c> in local mode (as the Bot Framework Emulator
/// uses it): replies go back to the activity's <c>serviceUrl</c>.</summary>
public sealed class BotServiceChannelTests : IDisposable
{
    private sealed class ServiceUrlStub : HttpMessageHandler
    {
        public BlockingCollection<(Uri Uri, string? Authorization, JsonObject Body)> Posted { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
            Posted.Add((request.RequestUri!, request.Headers.Authorization?.ToString(), body), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($"{{\"id\":\"r{Posted.Count}\"}}", Encoding.UTF8, "application/json") };
        }
    }

    private readonly ServiceUrlStub _serviceUrl = new();
    private readonly FaqBotFactory _factory;

    public BotServiceChannelTests()
    {
        _factory = new FaqBotFactory().WithServices(s =>
            s.AddHttpClient(ConnectorServices.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _serviceUrl));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _serviceUrl.Dispose();
    }

    private static JsonObject Inbound(string type, string? text = null) => new()
    {
        ["type"] = type,
        ["id"] = "act-1",
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://localhost:50123",
        ["conversation"] = new JsonObject { ["id"] = "8a1f|livechat" },
        ["from"] = new JsonObject { ["id"] = "user-1", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Bot" },
        ["text"] = text,
        ["membersAdded"] = type == "conversationUpdate" ? new JsonArray(new JsonObject { ["id"] = "bot-1" }, new JsonObject { ["id"] = "user-1" }) : null,
    };

    private (Uri Uri, string? Authorization, JsonObject Body) NextPosted() =>
        _serviceUrl.Posted.TryTake(out var posted, TimeSpan.FromSeconds(10)) ? posted : throw new TimeoutException("the bot posted nothing to the serviceUrl");

    [Fact]
    public async Task A_question_is_acknowledged_and_the_cited_answer_is_posted_back_to_the_service_url()
    {
        var knowledge = _factory.Services.GetRequiredService<KnowledgeHolder>().Current;
        var snippet = knowledge.Snippets.First(s => s.Status == SnippetStatus.Approved);

        var response = await _factory.CreateClient().PostAsync("/api/messages",
            new StringContent(Inbound("message", snippet.Questions[0]).ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var typing = NextPosted();
        var answer = NextPosted();
        Assert.Equal("typing", (string?)typing.Body["type"]);
        Assert.Equal("http://localhost:50123/v3/conversations/8a1f%7Clivechat/activities/act-1", answer.Uri.AbsoluteUri);
        Assert.Null(answer.Authorization);
        Assert.StartsWith(snippet.Body.Trim(), (string)answer.Body["text"]!, StringComparison.Ordinal);
        Assert.Equal("bot-1", (string?)answer.Body["from"]!["id"]);
        Assert.Equal("user-1", (string?)answer.Body["recipient"]!["id"]);
        Assert.Contains(answer.Body["entities"]!.AsArray(), e => (string?)e!["type"] == "https://schema.org/Message");
    }

    [Fact]
    public async Task The_emulator_conversation_update_gets_the_welcome()
    {
        var response = await _factory.CreateClient().PostAsync("/api/messages",
            new StringContent(Inbound("conversationUpdate").ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var welcome = NextPosted();
        Assert.Contains("988", (string)welcome.Body["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_local_mode_a_request_carrying_a_token_is_refused()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Inbound("message", "hi").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", "eyJhbGciOiJub25lIn0.e30.");

        var response = await _factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
