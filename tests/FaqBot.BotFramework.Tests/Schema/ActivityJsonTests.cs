using System.Text.Json.Nodes;
using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.Tests.Schema;

public sealed class ActivityJsonTests
{
    private const string FromWebChat = """
        {
          "type": "message",
          "text": "hi",
          "from": { "id": "u1", "name": "Ada", "role": "user", "aadObjectId": "x-1" },
          "locale": "en-US",
          "localTimestamp": "2026-11-23T09:10:11.123-06:00",
          "localTimezone": "America/Chicago",
          "channelData": { "clientActivityID": "abc", "clientTimestamp": "2026-11-23T15:10:11.123Z" },
          "entities": [ { "type": "ClientCapabilities", "requiresBotState": true } ],
          "attachments": [ { "contentType": "image/png", "contentUrl": "https://x.example/a.png", "futureField": 7 } ],
          "brandNewField": { "deep": [1, 2, 3] }
        }
        """;

    [Fact]
    public void Unknown_fields_anywhere_survive_a_round_trip()
    {
        var activity = ActivityJson.Deserialize<Activity>(FromWebChat)!;

        var written = JsonNode.Parse(ActivityJson.Serialize(activity))!;

        Assert.Equal("[1,2,3]", written["brandNewField"]!["deep"]!.ToJsonString());
        Assert.Equal("x-1", (string?)written["from"]!["aadObjectId"]);
        Assert.Equal(7, (int)written["attachments"]![0]!["futureField"]!);
        Assert.True((bool)written["entities"]![0]!["requiresBotState"]!);
        Assert.Equal("2026-11-23T09:10:11.123-06:00", (string?)written["localTimestamp"]);
        Assert.Equal("abc", activity.ClientActivityId);
    }

    [Fact]
    public void Output_is_camel_case_without_nulls_and_timestamps_are_utc_with_z()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ReplyToId = "c|1",
            Timestamp = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(-6)),
        };

        var json = ActivityJson.Serialize(activity);

        Assert.Equal("""{"type":"message","timestamp":"2026-11-23T15:00:00.0000000Z","replyToId":"c|1"}""", json);
    }

    [Fact]
    public void Field_names_are_read_in_any_casing()
    {
        var activity = ActivityJson.Deserialize<Activity>("""{"Type":"message","TEXT":"hello","From":{"Id":"u"}}""")!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("hello", activity.Text);
        Assert.Equal("u", activity.From!.Id);
    }

    [Fact]
    public void A_timestamp_that_is_not_a_date_is_a_json_error()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => ActivityJson.Deserialize<Activity>("""{"type":"message","timestamp":"yesterday"}"""));
    }
}
