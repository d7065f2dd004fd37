using System.Text.Json.Nodes;
using FaqBot.BotFramework.Schema;
using FaqBot.Web.Chat;

namespace FaqBot.Web.Tests.Chat;

/// <summary>What a live conversation keeps for a handoff is bounded whatever is posted to it: the
/// sender, time and text of recent messages, cut to a length, within a character budget.</summary>
public sealed class ConversationMemoryTests
{
    [Fact]
    public void Long_messages_are_kept_cut_and_the_whole_within_the_budget()
    {
        var state = new ConversationState();
        for (var i = 0; i < 100; i++)
        {
            state.Record(Message(i, new string('x', 20_000)));
        }

        var recent = state.Recent();

        Assert.InRange(recent.Sum(a => a.Text!.Length), 1, ConversationMemory.MaxCharacters);
        Assert.All(recent, a => Assert.InRange(a.Text!.Length, 1, ConversationMemory.MaxCharactersPerMessage + 1));
        Assert.Equal("m99", recent[^1].Id);
    }

    [Fact]
    public void Only_what_a_transcript_needs_is_kept()
    {
        var state = new ConversationState();
        var message = Message(1, "I took too many pills");
        message.ChannelData = new JsonObject { ["blob"] = new string('b', 10_000) };
        message.Value = JsonValue.Create(new string('v', 10_000));
        message.Entities = [new JsonObject { ["type"] = "x" }];

        state.Record(message);

        var kept = Assert.Single(state.Recent());
        Assert.Equal("I took too many pills", kept.Text);
        Assert.Equal("u1", kept.From!.Id);
        Assert.Equal(message.Timestamp, kept.Timestamp);
        Assert.Null(kept.ChannelData);
        Assert.Null(kept.Value);
        Assert.Null(kept.Entities);
    }

    [Fact]
    public void At_most_the_set_number_of_messages_is_kept()
    {
        var state = new ConversationState();
        for (var i = 0; i < ConversationMemory.MaxActivities + 10; i++)
        {
            state.Record(Message(i, "ok"));
        }

        Assert.Equal(ConversationMemory.MaxActivities, state.Recent().Count);
    }

    private static Activity Message(int i, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "m" + i,
        Timestamp = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero).AddSeconds(i),
        From = new ChannelAccount { Id = "u1" },
        Text = text,
    };
}
