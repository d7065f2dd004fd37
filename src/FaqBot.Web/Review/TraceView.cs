using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Web.Review;

/// <summary>A turn's stored trace, read for the conversation view.</summary>
public sealed record TraceView(
    string Decision,
    IReadOnlyList<(string Rule, string Category, string Clause, bool Denied)> Safety,
    IReadOnlyList<(string Snippet, int Version, double Confidence, string MatchedQuestion)> Candidates,
    IReadOnlyList<string> Terms,
    double TotalMicroseconds,
    double RetrievalMicroseconds)
{
    public static TraceView Read(string json)
    {
        JsonObject trace;
        try
        {
            trace = JsonNode.Parse(json)?.AsObject() ?? [];
        }
        catch (JsonException)
        {
            trace = [];
        }

        return new TraceView(
            Text(trace["decision"]),
            [.. (trace["safety"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(h => (Text(h["rule"]), Text(h["category"]), Text(h["clause"]), h["denied"]?.GetValue<bool>() == true))],
            [.. (trace["candidates"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(c => (Text(c["snippet"]), Number(c["version"]), Real(c["confidence"]), Text(c["matchedQuestion"])))],
            [.. (trace["terms"] as JsonArray ?? []).OfType<JsonObject>().Select(t => Text(t["term"]))],
            Real(trace["timings"]?["totalMicroseconds"]),
            Real(trace["timings"]?["retrievalMicroseconds"]));
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static int Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;

    private static double Real(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : 0;
}
