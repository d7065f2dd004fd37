using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Connector;
using FaqBot.Core.Knowledge;
using FaqBot.Web.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    private static JsonObject Inbound(string type, string? text = null, string id = "act-1", string conversationId = "8a1f|livechat") => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://localhost:50123",
        ["conversation"] = new JsonObject { ["id"] = conversationId },
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
    public async Task A_redelivered_activity_runs_one_turn_and_the_next_activity_is_answered_after_it()
    {
        var http = _factory.CreateClient();

        var first = await http.PostAsync("/api/messages", Json(Inbound("message", "what should I bring")));
        var again = await http.PostAsync("/api/messages", Json(Inbound("message", "what should I bring")));
        var next = await http.PostAsync("/api/messages", Json(Inbound("message", "can I drive home", id: "act-2")));
        var posted = Enumerable.Range(0, 4).Select(_ => NextPosted()).ToList();

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted], [first.StatusCode, again.StatusCode, next.StatusCode]);
        Assert.Equal(["typing", "message", "typing", "message"], posted.Select(p => (string?)p.Body["type"]));
        Assert.Equal(["act-1", "act-2"], posted.Where(p => (string?)p.Body["type"] == "message").Select(p => (string?)p.Body["replyToId"]));
    }

    [Fact]
    public async Task A_conversation_id_longer_than_any_channel_sends_is_refused_and_never_logged()
    {
        var log = new CapturingLoggerProvider();
        using var factory = new FaqBotFactory()
            .With("Logging:LogLevel:Default", "Trace")
            .WithServices(s => s.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(log)));
        var huge = "c" + new string('x', 100_000);

        var response = await factory.CreateClient().PostAsync("/api/messages", Json(Inbound("message", "hi", conversationId: huge)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("conversation.id is longer than 512 characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(log.Lines, line => line.Contains(huge[..1000], StringComparison.Ordinal));
        Assert.Empty((await factory.Services.GetRequiredService<ITranscriptStore>().ListAsync(new ConversationFilter(), CancellationToken.None)).Items);
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

    private static StringContent Json(JsonObject activity) => new(activity.ToJsonString(), Encoding.UTF8, "application/json");
}
