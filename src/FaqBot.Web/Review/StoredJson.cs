using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Web.Review;

/// <summary>Reading the JSON the store holds (activities, traces) for the pages: a damaged document
/// reads as empty, a missing or mistyped value as its default.</summary>
internal static class StoredJson
{
    public static JsonObject Object(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public static int Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;

    public static double Real(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : 0;

    public static bool Flag(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
