using FaqBot.BotFramework.DirectLine;
using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Appended_activities_get_unique_ids_and_strictly_increasing_timestamps_even_at_the_same_instant()
    {
        var conversation = new DirectLineConversation("c1", "u1", maxKept: 100, Now);

        var ids = Enumerable.Range(0, 5).Select(_ => conversation.Append(new Activity { Type = "message" }, Now)).ToList();
        var (activities, watermark) = conversation.ReadFrom(0);

        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(5, watermark);
        Assert.All(activities.Zip(activities.Skip(1)), pair => Assert.True(pair.Second.Timestamp > pair.First.Timestamp));
    }

    [Fact]
    public void Reading_from_a_watermark_returns_only_what_came_after_it()
    {
        var conversation = new DirectLineConversation("c1", "u1", maxKept: 100, Now);
        for (var i = 0; i < 4; i++)
        {
            conversation.Append(new Activity { Type = "message", Text = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Now);
        }

        var (activities, watermark) = conversation.ReadFrom(3);
        var (none, same) = conversation.ReadFrom(watermark);

        Assert.Equal("3", Assert.Single(activities).Text);
        Assert.Empty(none);
        Assert.Equal(4, same);
    }

    [Fact]
    public void Only_the_most_recent_activities_are_kept_and_an_old_watermark_resumes_at_the_oldest_kept()
    {
        var conversation = new DirectLineConversation("c1", "u1", maxKept: 3, Now);
        for (var i = 0; i < 10; i++)
        {
            conversation.Append(new Activity { Type = "message", Text = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Now);
        }

        var (activities, watermark) = conversation.ReadFrom(0);

        Assert.Equal(["7", "8", "9"], activities.Select(a => a.Text));
        Assert.Equal(10, watermark);
    }

    [Fact]
    public void A_conversation_starts_once()
    {
        var conversation = new DirectLineConversation("c1", "u1", maxKept: 3, Now);

        Assert.True(conversation.TryStart());
        Assert.False(conversation.TryStart());
    }
}
