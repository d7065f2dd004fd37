using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace FaqBot.Web.Tests.Transcripts;

public sealed class TranscriptRecordingTests(TranscriptRecordingTests.Host host) : IClassFixture<TranscriptRecordingTests.Host>
{
    public sealed class Host : IDisposable
    {
        private readonly string _data = Path.Combine(Path.GetTempPath(), "faqbot-transcripts-" + Guid.NewGuid().ToString("N"));

        public Host() => Factory = new FaqBotFactory().With("Storage:DataPath", _data);

        public FaqBotFactory Factory { get; }

        public ITranscriptStore Store => Factory.Services.GetRequiredService<ITranscriptStore>();

        public void Dispose()
        {
            Factory.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Every_activity_of_a_conversation_is_stored_in_order_with_the_turns_trace()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        var asked = await client.SayAsync("Can I drive home after my infusion?");
        var delivered = await client.ReadAsync();

        var stored = await host.Store.GetAsync(client.ConversationId, CancellationToken.None);

        Assert.NotNull(stored);
        // conversationUpdate, welcome; the question, typing, the answer.
        Assert.Equal(["conversationUpdate", "message", "message", "typing", "message"], stored.Activities.Select(a => a.Type));
        Assert.Equal([ActivityDirection.In, ActivityDirection.Out, ActivityDirection.In, ActivityDirection.Out, ActivityDirection.Out], stored.Activities.Select(a => a.Direction));
        Assert.Equal(delivered.Select(a => (string?)a["id"]), stored.Activities.Skip(1).Select(a => a.ActivityId));
        var turn = Assert.Single(stored.Turns);
        Assert.Equal(asked, turn.Summary.InboundActivityId);
        Assert.Equal("answer", turn.Summary.Outcome);
        Assert.False(string.IsNullOrEmpty(turn.Summary.SnippetId));
        var trace = JsonNode.Parse(turn.Summary.TraceJson)!;
        Assert.Equal(turn.Summary.SnippetId, (string?)trace["candidates"]![0]!["snippet"]);
        Assert.True((double)trace["timings"]!["totalMicroseconds"]! > 0);
    }

    [Fact]
    public async Task Personal_details_are_redacted_before_they_are_stored()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        await client.SayAsync("Hi, my name is Maria Lopez and my number is (555) 201-7789, email maria.lopez@example.com. How long does an infusion take?");
        await client.ReadAsync();

        var stored = (await host.Store.GetAsync(client.ConversationId, CancellationToken.None))!;
        var everything = string.Join("\n", stored.Activities.Select(a => a.Json).Append(stored.Turns[0].Summary.Question).Append(stored.Turns[0].Summary.TraceJson));

        foreach (var original in new[] { "Maria", "Lopez", "201-7789", "maria.lopez@example.com", "maria", "lopez", "7789" })
        {
            Assert.DoesNotContain(original, everything, StringComparison.Ordinal);
        }

        Assert.Contains("[name]", stored.Turns[0].Summary.Question, StringComparison.Ordinal);
        Assert.Contains("[phone]", stored.Turns[0].Summary.Question, StringComparison.Ordinal);
        Assert.Contains("[email]", stored.Turns[0].Summary.Question, StringComparison.Ordinal);
        Assert.Contains("infusion take", stored.Turns[0].Summary.Question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_urgent_message_becomes_an_urgent_handoff_item_ahead_of_a_question_without_answer()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        await client.SayAsync("Do you validate parking for the garage on Saturn?");
        await client.SayAsync("I want to kill myself, my phone is 555-201-7789");
        await client.ReadAsync();

        var items = (await host.Store.HandoffsAsync(includeClosed: false, CancellationToken.None)).Where(i => i.ConversationId == client.ConversationId).ToList();

        Assert.Equal(2, items.Count);
        Assert.True(items[0].Urgent);
        Assert.Equal("urgent", items[0].Reason);
        Assert.NotEmpty(items[0].Rules);
        Assert.DoesNotContain("201-7789", items[0].Message, StringComparison.Ordinal);
        Assert.Equal("no-answer", items[1].Reason);
        Assert.False(items[1].Urgent);
        var stored = (await host.Store.GetAsync(client.ConversationId, CancellationToken.None))!;
        var handoffEvents = stored.Activities.Where(a => a.Type == "event").ToList();
        Assert.Equal(2, handoffEvents.Count); // one per item, each read from its turn's handoff decision
        Assert.All(handoffEvents, e => Assert.DoesNotContain("201-7789", e.Json, StringComparison.Ordinal));
        Assert.Contains("\"priority\":\"urgent\"", handoffEvents[1].Json, StringComparison.Ordinal);
        var traces = stored.Turns.Select(t => System.Text.Json.Nodes.JsonNode.Parse(t.Summary.TraceJson)!["handoff"]).ToList();
        Assert.Equal(["no-answer", "urgent"], traces.Select(h => (string?)h!["reason"]));
        Assert.Equal(["normal", "urgent"], traces.Select(h => (string?)h!["priority"]));
    }

    [Fact]
    public async Task An_answer_offers_thumbs_and_the_patients_verdict_is_stored_with_the_turn()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        var answer = await client.AskAsync("What should I wear?");
        var actions = answer["entities"]!.AsArray().Single(e => (string?)e!["@type"] == "Message")!["potentialAction"]!.AsArray();
        var dislike = actions.Single(a => (string?)a!["@type"] == "DislikeAction")!;

        // What Web Chat posts when the thumb is pressed.
        var response = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", new JsonObject
        {
            ["type"] = "event",
            ["name"] = "webchat:activity-status/feedback",
            ["from"] = new JsonObject { ["id"] = "someone" },
            ["entities"] = new JsonArray(dislike.DeepClone()),
        });
        response.EnsureSuccessStatusCode();

        var stored = (await host.Store.GetAsync(client.ConversationId, CancellationToken.None))!;
        Assert.Equal(Feedback.Unhelpful, Assert.Single(stored.Turns).Feedback);
        var list = await host.Store.ListAsync(new ConversationFilter { NegativeFeedbackOnly = true, Take = 1000 }, CancellationToken.None);
        Assert.Contains(list.Items, row => row.Id == client.ConversationId);
    }

    [Fact]
    public async Task A_message_is_not_acknowledged_when_its_turn_could_not_be_stored()
    {
        var failing = new Mock<ITranscriptStore>();
        failing.Setup(s => s.AppendAsync(It.IsAny<TurnRecord>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk full"));
        using var factory = new FaqBotFactory()
            .With("Storage:DataPath", Path.Combine(Path.GetTempPath(), "faqbot-unused-" + Guid.NewGuid().ToString("N")))
            .WithServices(services => services.AddSingleton(failing.Object));
        var client = await DirectLineClient.WithTokenAsync(factory.CreateClient());

        var started = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations");
        var posted = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", new JsonObject
        {
            ["type"] = "message",
            ["text"] = "What should I wear?",
            ["from"] = new JsonObject { ["id"] = "someone" },
        });

        Assert.False(started.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, posted.StatusCode);
    }
}
