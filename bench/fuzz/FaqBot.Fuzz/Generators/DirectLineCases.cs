namespace FaqBot.Fuzz.Generators;

/// <summary>Direct Line 3.0 under <c>/v3/directline</c>: tokens (generate, refresh), starting and
/// resuming conversations, posting and polling activities, with respelled, swapped, tampered and
/// missing credentials, hostile conversation ids, watermarks past 32 and 64 bits, and hostile
/// activity bodies.</summary>
internal static class DirectLineCases
{
    private const string Base = "/v3/directline";

    private static readonly string[] Watermarks =
    [
        "", "null", "-1", "0", "1", "2147483647", "2147483648", "4294967296", "4294967297", "9223372036854775807",
        "9223372036854775808", "1e3", " 5", "0x10", "%00", "abc", "١٢",
    ];

    public static FuzzRequest[] Next(Random random, FuzzContext context)
    {
        var conversation = context.Conversation(random);
        var (idShape, id) = ConversationId(random, context, conversation);
        var auth = Authorization(random, context, conversation);
        var request = random.Next(8) switch
        {
            0 => FuzzRequest.Json("/tokens/generate", "generate", "POST", Base + "/tokens/generate", Start(random)),
            1 => new FuzzRequest("/tokens/refresh", "refresh", "POST", Base + "/tokens/refresh"),
            2 => FuzzRequest.Json("/conversations", "start", "POST", Base + "/conversations", Start(random)),
            3 => FuzzRequest.Get("/conversations/{id}", "resume", Base + "/conversations/" + id),
            4 or 5 => Post(random, context, conversation, id),
            _ => FuzzRequest.Get("/conversations/{id}/activities", "poll", Poll(random, id)),
        };
        request = request with { Route = Base + request.Route, Shape = $"{request.Shape}, {auth.Shape}, {idShape}" };
        return [auth.Value is null ? request : request.WithHeader("Authorization", auth.Value)];
    }

    private static FuzzRequest Post(Random random, FuzzContext context, Conversation conversation, string id)
    {
        var activity = new Dictionary<string, string>
        {
            ["type"] = "\"message\"",
            ["from"] = $"{{\"id\":\"{conversation.UserId}\"}}",
            ["text"] = Hostile.Quote(Hostile.Text(random, 200)),
            ["locale"] = "\"en-US\"",
        };
        var (shape, body) = ActivityBodies.Next(random, activity);
        return FuzzRequest.Raw("/conversations/{id}/activities", "post: " + shape, "POST", $"{Base}/conversations/{id}/activities", body, "application/json");
    }

    private static string Poll(Random random, string id)
    {
        var target = $"{Base}/conversations/{id}/activities";
        return random.Next(5) switch
        {
            0 => target,
            1 => target + "?watermark=" + Hostile.Number(random),
            2 => target + "?watermark=1&watermark=2",
            _ => target + "?watermark=" + Url.Encode(Watermarks[random.Next(Watermarks.Length)]),
        };
    }

    private static string Start(Random random) => random.Next(5) switch
    {
        0 => "{}",
        1 => $"{{\"user\":{{\"id\":{Hostile.Quote(Hostile.Id(random), true)}}},\"locale\":{Hostile.JsonValue(random)}}}",
        2 => $"{{\"user\":{Hostile.JsonValue(random)}}}",
        3 => Hostile.JsonValue(random),
        _ => "",
    };

    /// <summary>The chat's own id mostly; else another chat's, or a hostile one.</summary>
    private static (string Shape, string Id) ConversationId(Random random, FuzzContext context, Conversation conversation) => random.Next(10) switch
    {
        < 6 => ("its own conversation", conversation.Id),
        6 => ("a recent conversation", context.ConversationIds[random.Next(context.ConversationIds.Count)]),
        7 => ("an id with encoded slashes and dots", conversation.Id + "%2F..%2F" + conversation.Id),
        8 => ("an id of 2,000 to 9,000 characters", Hostile.Word(random, random.Next(2_000, 9_000), "abcdef0123456789")),
        _ => ("a hostile id", Url.Encode(Hostile.Id(random))),
    };

    /// <summary>The chat's token, respelled, swapped, tampered with, the secret, or none.</summary>
    private static (string Shape, string? Value) Authorization(Random random, FuzzContext context, Conversation conversation)
    {
        var token = conversation.Token;
        return random.Next(16) switch
        {
            < 5 => ("token", "Bearer " + token),
            5 => ("token, lower-case scheme", "bearer " + token),
            6 => ("token, two spaces", "Bearer  " + token),
            7 => ("token, tab", "Bearer\t" + token),
            8 => ("token, trailing spaces", "Bearer " + token + "   "),
            9 => ("the secret", "Bearer " + context.DirectLineSecret),
            10 => ("no credential", null),
            11 => ("tampered token", "Bearer " + token[..^2] + (token[^1] == 'A' ? "BB" : "AA")),
            12 => ("huge token", "Bearer " + Hostile.Word(random, random.Next(4_000, 30_000), "abcdefghijklmnopqrstuvwxyz0123456789-_.")),
            13 => ("basic credentials", "Basic ZmFxYm90OmZhcWJvdA=="),
            14 => ("scheme only", "Bearer"),
            _ => ("non-ASCII token", "Bearer " + token + "\u00e9\u2603"),
        };
    }
}
