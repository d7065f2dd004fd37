using FaqBot.Core.Knowledge;
using FaqBot.Core.Replies;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Chat;

public sealed class SafetyConversationTests(SafetyConversationTests.Host host) : IClassFixture<SafetyConversationTests.Host>
{
    public sealed class Host : IDisposable
    {
        public FaqBotFactory Factory { get; } = new();

        public ReplyCatalog Replies => Factory.Services.GetRequiredService<KnowledgeHolder>().Current.Replies;

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task An_urgent_message_gets_the_crisis_reply_and_a_handoff_event_carrying_the_transcript()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        await client.ReadAsync();

        var id = await client.SayAsync("I took too many pills and can't breathe properly");
        var activities = await client.ReadAsync();

        var reply = activities.Single(a => (string?)a["type"] == "message" && (string?)a["replyToId"] == id);
        Assert.Contains("911", (string)reply["text"]!, StringComparison.Ordinal);
        Assert.Contains("988", (string)reply["text"]!, StringComparison.Ordinal);
        var handoff = activities.Single(a => (string?)a["type"] == "event");
        Assert.Equal("handoff.initiate", (string?)handoff["name"]);
        Assert.Equal("urgent", (string?)handoff["value"]!["category"]);
        Assert.Equal(client.ConversationId, (string?)handoff["relatesTo"]!["conversation"]!["id"]);
        var transcript = handoff["attachments"]![0]!;
        Assert.Equal("Transcript", (string?)transcript["name"]);
        var logged = transcript["content"]!["activities"]!.AsArray();
        Assert.Contains(logged, a => ((string?)a!["text"])?.Contains("too many pills", StringComparison.Ordinal) == true);
        Assert.Contains(logged, a => (string?)a!["id"] == (string?)reply["id"]);
    }

    [Fact]
    public async Task After_an_urgent_message_a_logistics_question_still_starts_with_the_crisis_resources()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        await client.AskAsync("I don't want to live anymore");

        var later = await client.AskAsync("how long does an infusion take?");

        var reminder = host.Replies[ReplyIds.UrgentReminder].Text;
        Assert.StartsWith(reminder, (string)later["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_urgent_message_the_same_question_gets_no_reminder()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());

        var answer = await client.AskAsync("how long does an infusion take?");

        Assert.DoesNotContain(host.Replies[ReplyIds.UrgentReminder].Text, (string)answer["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dosing_question_is_declined_and_handed_off()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        await client.ReadAsync();

        await client.SayAsync("how many mg of ketamine will you give me?");
        var activities = await client.ReadAsync();

        Assert.Contains(activities, a => (string?)a["text"] == host.Replies[ReplyIds.Dosing].Text);
        Assert.Contains(activities, a => (string?)a["name"] == "handoff.initiate" && (string?)a["value"]!["category"] == "dosing");
    }

    [Fact]
    public async Task A_second_handoff_carries_the_messages_but_not_the_first_handoff_or_typing()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        await client.SayAsync("how many mg of ketamine will you give me?");
        await client.ReadAsync();

        await client.SayAsync("do I have PTSD?");
        var handoff = (await client.ReadAsync()).Last(a => (string?)a["name"] == "handoff.initiate");

        var logged = handoff["attachments"]![0]!["content"]!["activities"]!.AsArray();
        Assert.All(logged, a => Assert.Equal("message", (string?)a!["type"]));
        Assert.Contains(logged, a => (string?)a!["text"] == "how many mg of ketamine will you give me?");
        Assert.Contains(logged, a => (string?)a!["text"] == "do I have PTSD?");
    }
}
