using FaqBot.BotFramework.DirectLine;
using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineConversationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Appended_activities_get_unique_ids_and_strictly_increasing_timestamps_even_at_the_same_instant()
    {
        var conversation = new DirectLineConversation("c1", "u1", maxKept: 100, maxBytes: 1 << 20, Now);

        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await conversation.AppendAsync(new Activity { Type = "message" }, Now));
        }

        var page = (await conversation.ReadFromAsync(0))!;
        var activities = page.Read();

        Assert.Equal(5, ids.Distinct().Count());
        Assert.Equal(5, page.Watermark);
        Assert.All(activities.Zip(activities.Skip(1)), pair => Assert.True(pair.Second.Timestamp > pair.First.Timestamp));
    }

    [Fact]
    public async Task Reading_from_a_watermark_returns_only_what_came_after_it()
    {
        var conversation = new DirectLineConversation("c1", "u1", maxKept: 100, maxBytes: 1 << 20, Now);
        for (var i = 0; i < 4; i++)
        {
            await conversation.AppendAsync(new Activity { Type = "message", Text = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Now);
        }

        var page = (await conversation.ReadFromAsync(3))!;
        var none = (await conversation.ReadFromAsync(page.Watermark))!;

        Assert.Equal("3", Assert.Single(page.Read()).Text);
        Assert.Equal(0, none.Count);
        Assert.Equal(4, none.Watermark);
    }

    [Fact]
    public async Task Only_the_most_recent_activities_are_kept_and_an_old_watermark_resumes_at_the_oldest_kept()
    {
        var conversation = new DirectLineConversation("c1", "u1", maxKept: 3, maxBytes: 1 << 20, Now);
        for (var i = 0; i < 10; i++)
        {
            await conversation.AppendAsync(new Activity { Type = "message", Text = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Now);
        }

        var page = (await conversation.ReadFromAsync(0))!;

        Assert.Equal(["7", "8", "9"], page.Read().Select(a => a.Text));
        Assert.Equal(10, page.Watermark);
    }

    [Fact]
    public async Task An_activity_is_stored_as_it_was_when_appended()
    {
        var conversation = new DirectLineConversation("c1", "u1", maxKept: 3, maxBytes: 1 << 20, Now);
        var activity = new Activity { Type = "message", Text = "as sent" };
        await conversation.AppendAsync(activity, Now);

        activity.Text = "changed afterwards";

        Assert.Equal("as sent", Assert.Single((await conversation.ReadFromAsync(0))!.Read()).Text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(12)]
    public async Task A_page_is_a_direct_line_activity_set_whose_length_is_exact(int appended)
    {
        var conversation = new DirectLineConversation("c1", "u1", maxKept: 100, maxBytes: 1 << 20, Now);
        for (var i = 0; i < appended; i++)
        {
            await conversation.AppendAsync(new Activity { Type = "message", Text = "caf\u00e9 \"quoted\" " + i }, Now);
        }

        var page = (await conversation.ReadFromAsync(appended > 1 ? 1 : 0))!;
        var json = page.ToString();
        var set = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(json), page.ByteCount);
        Assert.Equal(appended.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)set["watermark"]!);
        Assert.Equal(page.Count, set["activities"]!.AsArray().Count);
        Assert.All(set["activities"]!.AsArray(), a => Assert.Equal("c1", ((string)a!["id"]!).Split('|')[0]));
    }

    [Theory]
    [InlineData(4L)]
    [InlineData(int.MaxValue + 1L)]
    [InlineData(uint.MaxValue + 1L)]
    [InlineData(long.MaxValue)]
    public async Task A_watermark_beyond_every_activity_appended_is_not_read_and_never_wraps_round(long watermark)
    {
        var conversation = new DirectLineConversation("c1", "u1", maxKept: 100, maxBytes: 1 << 20, Now);
        for (var i = 0; i < 3; i++)
        {
            await conversation.AppendAsync(new Activity { Type = "message" }, Now);
        }

        Assert.Null(await conversation.ReadFromAsync(watermark));
        Assert.Equal(0, (await conversation.ReadFromAsync(3))!.Count);
    }

    [Fact]
    public async Task A_conversation_starts_once()
    {
        var conversation = new DirectLineConversation("c1", "u1", maxKept: 3, maxBytes: 1 << 20, Now);

        Assert.True(await conversation.TryStartAsync());
        Assert.False(await conversation.TryStartAsync());
    }

    [Fact]
    public async Task What_a_conversation_keeps_is_bounded_in_bytes_and_the_latest_is_always_served()
    {
        const int MaxBytes = 64 * 1024;
        var conversation = new DirectLineConversation("c1", "u1", maxKept: 500, maxBytes: MaxBytes, Now);
        for (var i = 0; i < 200; i++)
        {
            await conversation.AppendAsync(new Activity { Type = "message", Text = i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + new string('x', 4000) }, Now);
        }

        var page = (await conversation.ReadFromAsync(0))!;
        var served = page.Read();

        Assert.Equal(200, page.Watermark);
        Assert.InRange(served.Sum(a => a.Text!.Length), 1, MaxBytes);
        Assert.StartsWith("199", served[^1].Text, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(200 - served.Count, served.Count), served.Select(a => int.Parse(a.Text![..3], System.Globalization.CultureInfo.InvariantCulture)));

        var huge = new Activity { Type = "message", Text = new string('y', 2 * MaxBytes) };
        await conversation.AppendAsync(huge, Now);
        Assert.Equal(huge.Text, Assert.Single((await conversation.ReadFromAsync(0))!.Read()).Text);
    }
}
