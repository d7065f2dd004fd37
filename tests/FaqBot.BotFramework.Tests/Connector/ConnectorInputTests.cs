using System.Net;
using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.Tests.Connector;

/// <summary>What <c>/api/messages</c> refuses before any turn runs (400, never 5xx), and how it
/// treats a delivery the Bot Connector sends again.</summary>
public sealed class ConnectorInputTests
{
    [Theory]
    [InlineData("channelData", """{"clientActivityID":"\ud800"}""")]
    [InlineData("value", """ "tail \udc00" """)]
    [InlineData("entities", """[{"type":"note","text":"\ud83d"}]""")]
    [InlineData("channelData", """{"\udfff":1}""")]
    public async Task A_lone_surrogate_escape_anywhere_in_the_activity_is_400(string field, string json)
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());

        var response = await host.PostAsync(With(ConnectorHost.Message("hi"), field, json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid Unicode", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, host.Bot.HeardCount);
    }

    [Fact]
    public async Task A_surrogate_pair_written_as_escapes_is_text_like_any_other()
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());

        var response = await host.PostAsync(With(ConnectorHost.Message("hi"), "channelData", """{"mood":"\ud83d\ude00"}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("\U0001F600", (string?)(await host.Bot.NextHeardAsync()).ChannelData!["mood"]);
    }

    [Theory]
    [InlineData("channelData", """{"a":1,"a":2}""", "twice")]
    [InlineData("value", """[{"x":{"k":1,"k":1}}]""", "twice")]
    [InlineData("entities", """[{"type":"a","type":"b"}]""", "twice")]
    public async Task A_property_named_twice_in_one_object_is_400(string field, string json, string reason)
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());

        var response = await host.PostAsync(With(ConnectorHost.Message("hi"), field, json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, host.Bot.HeardCount);
    }

    [Fact]
    public async Task Nesting_deeper_than_the_limit_is_400_and_at_the_limit_is_heard()
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());
        static string Nested(int depth) => string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth));

        // The activity itself is one level, so its value may hold MaxDepth - 1 levels.
        var tooDeep = await host.PostAsync(With(ConnectorHost.Message("hi"), "value", Nested(FaqBot.BotFramework.Http.JsonBody.MaxDepth)));
        var deepest = await host.PostAsync(With(ConnectorHost.Message("hi"), "value", Nested(FaqBot.BotFramework.Http.JsonBody.MaxDepth - 1)));

        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.StatusCode);
        Assert.Contains("nested deeper", await tooDeep.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, deepest.StatusCode);
    }

    [Theory]
    [InlineData("membersAdded", "[null]")]
    [InlineData("membersRemoved", """[{"id":"u1"},null]""")]
    [InlineData("attachments", "[null]")]
    [InlineData("entities", "[null]")]
    [InlineData("suggestedActions", """{"actions":[null]}""")]
    [InlineData("suggestedActions", """{"actions":[],"to":[null]}""")]
    public async Task A_null_item_in_an_array_of_the_activity_is_400(string field, string json)
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());
        var update = ConnectorHost.Message("");
        update.Type = ActivityTypes.ConversationUpdate;

        var response = await host.PostAsync(With(update, field, json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is null", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, host.Bot.HeardCount);
    }

    [Theory]
    [InlineData("conversation.id")]
    [InlineData("id")]
    [InlineData("from.id")]
    [InlineData("recipient.id")]
    [InlineData("channelId")]
    public async Task An_id_longer_than_any_channel_sends_is_400(string field)
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());
        var atLimit = new string('c', ActivityChecks.MaxIdLength);
        var overLimit = new string('c', 100_000);

        var accepted = await host.PostAsync(WithId(ConnectorHost.Message("hi", id: "a-1"), field, atLimit));
        var refused = await host.PostAsync(WithId(ConnectorHost.Message("hi", id: "a-2"), field, overLimit));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var detail = await refused.Content.ReadAsStringAsync();
        Assert.Contains(field + " is longer than 512 characters", detail, StringComparison.Ordinal);
        Assert.True(detail.Length < 1000, "the refusal does not echo the id");
        await host.Bot.NextHeardAsync();
        Assert.Equal(1, host.Bot.HeardCount);
    }

    [Fact]
    public async Task A_redelivered_activity_is_acknowledged_without_running_its_turn_again()
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());

        var first = await host.PostAsync(ConnectorHost.Message("hi", id: "a-1"));
        var again = await host.PostAsync(ConnectorHost.Message("hi", id: "a-1"));
        var next = await host.PostAsync(ConnectorHost.Message("and then", id: "a-2"));
        var elsewhere = await host.PostAsync(ConnectorHost.Message("hi", conversationId: "conv-2", id: "a-1"));
        var heard = new[] { await host.Bot.NextHeardAsync(), await host.Bot.NextHeardAsync(), await host.Bot.NextHeardAsync() };

        Assert.All(new[] { first, again, next, elsewhere }, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(["a-1", "a-2"], heard.Where(a => a.Conversation!.Id == "conv-1").Select(a => a.Id));
        Assert.Equal(["a-1"], heard.Where(a => a.Conversation!.Id == "conv-2").Select(a => a.Id));
    }

    [Fact]
    public async Task A_redelivered_invoke_is_answered_as_the_first_was_without_running_again()
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());
        var invoke = ConnectorHost.Message("", id: "i-1");
        invoke.Type = ActivityTypes.Invoke;

        var first = await host.PostAsync(invoke);
        var again = await host.PostAsync(invoke);
        await host.PostAsync(ConnectorHost.Message("after", id: "m-1"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("{}", await again.Content.ReadAsStringAsync());
        Assert.Equal(ActivityTypes.Invoke, (await host.Bot.NextHeardAsync()).Type);
        Assert.Equal("after", (await host.Bot.NextHeardAsync()).Text);
    }

    /// <summary>The activity's JSON with one more top-level field written as raw JSON.</summary>
    private static string With(Activity activity, string field, string json) =>
        ActivityJson.Serialize(activity)[..^1] + $",\"{field}\":{json}}}";

    private static Activity WithId(Activity activity, string field, string id)
    {
        switch (field)
        {
            case "conversation.id": activity.Conversation!.Id = id; break;
            case "id": activity.Id = id; break;
            case "from.id": activity.From!.Id = id; break;
            case "recipient.id": activity.Recipient!.Id = id; break;
            default: activity.ChannelId = id; break;
        }

        return activity;
    }
}
