using System.Globalization;

namespace FaqBot.Fuzz.Generators;

/// <summary><c>/api/messages</c> in local mode (no app id, so no token is checked): activities of
/// every type with hostile fields, conversation ids of any length and character, the same activity
/// id sent twice, <c>membersAdded: [null]</c>, an Authorization header it must refuse, and bodies
/// that are not activities. Replies go to the stand-in Connector service.</summary>
internal static class ConnectorCases
{
    private const string Route = "/api/messages";

    private static readonly string[] Types = ["message", "conversationUpdate", "invoke", "event", "typing", "endOfConversation", "messageReaction", "installationUpdate"];

    public static FuzzRequest[] Next(Random random, FuzzContext context)
    {
        var type = Types[random.Next(Types.Length)];
        var (conversationShape, conversationId) = ConversationId(random);
        var activity = new Dictionary<string, string>
        {
            ["type"] = Hostile.Quote(type),
            ["id"] = Hostile.Quote("fuzz-" + random.Next().ToString(CultureInfo.InvariantCulture)),
            ["serviceUrl"] = Hostile.Quote(context.ServiceUrl),
            ["channelId"] = Hostile.Quote(random.Next(2) == 0 ? "msteams" : "emulator"),
            ["conversation"] = $"{{\"id\":{Hostile.Quote(conversationId, true)}}}",
            ["from"] = "{\"id\":\"fuzz-user\",\"name\":\"Fuzz\"}",
            ["recipient"] = "{\"id\":\"faqbot\"}",
            ["text"] = Hostile.Quote(Hostile.Text(random, 300)),
        };
        if (type == "conversationUpdate")
        {
            activity["membersAdded"] = random.Next(2) == 0 ? "[null]" : "[{\"id\":\"fuzz-user\"},{\"id\":\"faqbot\"}]";
        }

        switch (random.Next(8))
        {
            case 0:
                // The Bot Connector retries a delivery with the same activity id.
                var again = Request($"{type}, the same activity id twice, conversation {conversationShape}", Hostile.Object(activity));
                return [again, again];
            case 1:
                return [Request($"{type}, with an Authorization header", Hostile.Object(activity)).WithHeader("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.")];
            case 2:
                return [Request($"{type}, conversation {conversationShape}", Hostile.Object(activity))];
            default:
                var (shape, body) = ActivityBodies.Next(random, activity);
                return [FuzzRequest.Raw(Route, $"{type}, {shape}, conversation {conversationShape}", "POST", Route, body, "application/json")];
        }
    }

    private static FuzzRequest Request(string shape, string json) => FuzzRequest.Json(Route, shape, "POST", Route, json);

    private static (string Shape, string Id) ConversationId(Random random) => random.Next(8) switch
    {
        0 => ("of 100,000 characters", Hostile.Word(random, 100_000, "abcdefghijklmnopqrstuvwxyz0123456789")),
        1 => ("of 1,000 to 20,000 characters", Hostile.Word(random, random.Next(1_000, 20_000), "abcdef0123456789")),
        2 => ("with slashes", "a/b/../../c"),
        3 => ("with a lone surrogate", "conv\uD800" + random.Next()),
        4 => ("of any characters", Hostile.Text(random, 60)),
        5 => ("with spaces and a query", "a b?c=d#e"),
        _ => ("ordinary", "fuzz-conversation-" + random.Next(8).ToString(CultureInfo.InvariantCulture)),
    };
}
