using System.Text.Json;

namespace FaqBot.Core.Evaluation;

/// <summary>One row of a labelled set in the format of <c>eval/dev.jsonl</c>, plus the optional
/// <c>snippet</c> field of the project's own sets (the id, or ids separated by |, that must answer),
/// and the expectation <c>not-declined</c> of the safety sets: a harmless message, answered or not,
/// that the safety gate must let through. Rows with a <c>conversation</c> field are turns of one
/// conversation.</summary>
public sealed record LabelledQuestion(
    string Id,
    string Question,
    string Expect,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string>? Any,
    IReadOnlyList<string> Accept,
    IReadOnlyList<string> Snippets)
{
    /// <summary>Rows that share this field are turns of one conversation, asked in file order with
    /// the conversation's context (follow-ups); null for a question asked on its own.</summary>
    public string? Conversation { get; init; }

    public static readonly IReadOnlySet<string> Expectations =
        new HashSet<string>(["answered", "unanswered", "declined", "not-declined", "not-answered", "smalltalk"], StringComparer.Ordinal);

    /// <summary>Reads a labelled set; a bad line is an error naming its line number.</summary>
    public static List<LabelledQuestion> ReadAll(string path) => JsonLines.ReadAll(path, Parse);

    public static LabelledQuestion Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var expect = root.GetProperty("expect").GetString() ?? "";
        if (!Expectations.Contains(expect))
        {
            throw new FormatException($"'expect' is '{expect}', not one of {string.Join(", ", Expectations)}");
        }

        var category = Optional(root, "category");
        if (expect == "declined" && category is null)
        {
            throw new FormatException("a 'declined' row needs a 'category'");
        }

        return new LabelledQuestion(
            root.GetProperty("id").GetString() ?? throw new FormatException("'id' is null"),
            root.GetProperty("question").GetString() ?? throw new FormatException("'question' is null"),
            expect,
            Split(category),
            root.TryGetProperty("any", out var any) ? [.. any.EnumerateArray().Select(e => e.GetString() ?? "")] : null,
            root.TryGetProperty("accept", out var accept) ? [.. accept.EnumerateArray().Select(e => e.GetString() ?? "")] : ["smalltalk"],
            Split(Optional(root, "snippet")))
        {
            Conversation = Optional(root, "conversation"),
        };
    }

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Split(string? value) =>
        value is null ? [] : value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
