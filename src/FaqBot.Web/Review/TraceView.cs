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
        var trace = StoredJson.Object(json);
        return new TraceView(
            Text(trace["decision"]),
            [.. (trace["safety"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(h => (Text(h["rule"]), Text(h["category"]), Text(h["clause"]), StoredJson.Flag(h["denied"])))],
            [.. (trace["candidates"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(c => (Text(c["snippet"]), StoredJson.Number(c["version"]), StoredJson.Real(c["confidence"]), Text(c["matchedQuestion"])))],
            [.. (trace["terms"] as JsonArray ?? []).OfType<JsonObject>().Select(t => Text(t["term"]))],
            StoredJson.Real(trace["timings"]?["totalMicroseconds"]),
            StoredJson.Real(trace["timings"]?["retrievalMicroseconds"]));
    }

    private static string Text(JsonNode? node) => StoredJson.Text(node);
}
