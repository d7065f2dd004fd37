using System.Text.Json.Nodes;

namespace FaqBot.Web.Review;

/// <summary>A turn's stored trace, read for the conversation view.</summary>
public sealed record TraceView(
    string Decision,
    IReadOnlyList<(string Rule, string Category, string Clause, bool Denied)> Safety,
    IReadOnlyList<(string Snippet, int Version, double Confidence, string MatchedQuestion)> Candidates,
    IReadOnlyList<string> Terms,
    double TotalMicroseconds,
    double RetrievalMicroseconds,
    GenerationView? Generation)
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
            StoredJson.Real(trace["timings"]?["retrievalMicroseconds"]),
            trace["generation"] is JsonObject generation ? GenerationView.Read(generation) : null);
    }

    private static string Text(JsonNode? node) => StoredJson.Text(node);
}

/// <summary>A stored generation: model, prompt version, verdict, raw output and each sentence's check.</summary>
public sealed record GenerationView(
    string Model,
    string Prompt,
    string Verdict,
    string Reason,
    string RawOutput,
    double Milliseconds,
    IReadOnlyList<string> Snippets,
    IReadOnlyList<(string Text, string Cites, double Coverage, string? Problem)> Sentences)
{
    public static GenerationView Read(JsonObject g) => new(
        StoredJson.Text(g["model"]),
        StoredJson.Text(g["prompt"]),
        StoredJson.Text(g["verdict"]),
        StoredJson.Text(g["reason"]),
        StoredJson.Text(g["rawOutput"]),
        StoredJson.Real(g["milliseconds"]),
        [.. (g["snippets"] as JsonArray ?? []).Select(StoredJson.Text)],
        [.. (g["sentences"] as JsonArray ?? []).OfType<JsonObject>().Select(s => (
            StoredJson.Text(s["text"]),
            string.Join(" ", (s["cites"] as JsonArray ?? []).Select(n => $"[{StoredJson.Number(n)}]")),
            StoredJson.Real(s["coverage"]),
            s["problem"] is null ? null : StoredJson.Text(s["problem"])))]);
}
