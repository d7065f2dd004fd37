using System.Text;

namespace FaqBot.Fuzz.Generators;

/// <summary>Activity bodies for Direct Line and <c>/api/messages</c>: a valid activity with one to
/// three fields replaced by hostile JSON, a required field taken out, or a body that is not an
/// activity at all (not an object, cut short, trailing bytes, invalid UTF-8, too large).</summary>
internal static class ActivityBodies
{
    private static readonly string[] Fields =
    [
        "type", "id", "timestamp", "localTimestamp", "serviceUrl", "channelId", "from", "recipient", "conversation", "text",
        "textFormat", "locale", "attachments", "entities", "suggestedActions", "replyToId", "name", "value", "relatesTo",
        "channelData", "membersAdded", "membersRemoved", "code", "unknownField",
    ];

    /// <summary>A body made from <paramref name="activity"/> (field name to JSON text), and the name of its shape.</summary>
    public static (string Shape, byte[] Body) Next(Random random, IReadOnlyDictionary<string, string> activity)
    {
        var fields = new Dictionary<string, string>(activity, StringComparer.Ordinal);
        switch (random.Next(14))
        {
            case < 7:
                var changed = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Fields[random.Next(Fields.Length)]).Distinct().ToList();
                foreach (var field in changed)
                {
                    fields[field] = Value(random, field);
                }

                return ($"hostile {string.Join(", ", changed)}", Utf8(Hostile.Object(fields)));
            case 7:
                var missing = random.Next(2) == 0 ? "type" : "conversation";
                fields.Remove(missing);
                return ($"no {missing}", Utf8(Hostile.Object(fields)));
            case 8:
                string[] notObjects = ["null", "[]", "\"message\"", "42", "", " ", "{", "[{\"type\":\"message\"}]"];
                var body = notObjects[random.Next(notObjects.Length)];
                return ($"body {body.Trim()}", Utf8(body));
            case 9:
                var whole = Hostile.Object(fields);
                return ("cut short", Utf8(whole[..random.Next(whole.Length)]));
            case 10:
                string[] trailers = ["}", " // comment", "\u0000", ",", "{\"type\":\"message\"}"];
                return ("trailing bytes", Utf8(Hostile.Object(fields) + trailers[random.Next(trailers.Length)]));
            case 11:
                return ("invalid UTF-8", [.. Utf8("{\"type\":\"message\",\"text\":\""), 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xFF, .. Utf8("\"}")]);
            case 12:
                return ("byte order mark", [0xEF, 0xBB, 0xBF, .. Utf8(Hostile.Object(fields))]);
            default:
                fields["channelData"] = "{\"padding\":" + Hostile.Quote(new string('x', random.Next(300_000, 1_500_000))) + "}";
                return ("larger than the limit", Utf8(Hostile.Object(fields)));
        }
    }

    /// <summary>A hostile value for a field: one made for its type half the time, else any.</summary>
    private static string Value(Random random, string field)
    {
        if (random.Next(2) == 0)
        {
            return Hostile.JsonValue(random);
        }

        return field switch
        {
            "entities" => random.Next(3) switch { 0 => "[null]", 1 => "[{\"type\":\"\\ud800\"}]", _ => "[{\"type\":\"mention\",\"text\":" + Hostile.Quote(Hostile.Text(random), true) + "}]" },
            "membersAdded" or "membersRemoved" => random.Next(3) switch { 0 => "[null]", 1 => "[{}]", _ => "[{\"id\":null},{\"id\":\"\\udfff\"}]" },
            "attachments" => "[{\"contentType\":\"\\ud800\",\"content\":" + Hostile.JsonValue(random) + "},null]",
            "channelData" => "{\"clientActivityID\":\"\\ud800\",\"x\":" + Hostile.JsonValue(random) + "}",
            "value" => random.Next(2) == 0 ? "\"\\udc00\"" : "{\"feedback\":\"\\ud800\",\"replyToId\":" + Hostile.JsonValue(random) + "}",
            "from" or "recipient" or "conversation" => "{\"id\":" + Hostile.Quote(Hostile.Id(random), true) + ",\"name\":" + Hostile.JsonValue(random) + "}",
            "timestamp" => random.Next(2) == 0 ? "\"9999-12-31T23:59:59Z\"" : "\"0001-01-01T00:00:00+14:00\"",
            "type" => Hostile.Quote(random.Next(2) == 0 ? Hostile.Text(random, 10) : "invoke", true),
            "serviceUrl" => Hostile.Quote(random.Next(2) == 0 ? "javascript:alert(1)" : "http://[::1", true),
            _ => Hostile.Quote(Hostile.Text(random, 100), random.Next(2) == 0),
        };
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
