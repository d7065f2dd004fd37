using System.Text.Json;

namespace FaqBot.Core.Evaluation;

/// <summary>A personal detail labelled in a message: its exact text and its kind (name, phone,
/// email, address, date, id, card, other).</summary>
public sealed record LabelledDetail(string Text, string Kind);

/// <summary>One message of a privacy set (<c>{"id", "text", "details": [{"text", "kind"}]}</c>),
/// or a row of a question set (<c>{"id", "question", ...}</c>), read as a message with no details.</summary>
public sealed record LabelledRedaction(string Id, string Text, IReadOnlyList<LabelledDetail> Details)
{
    /// <summary>Reads a privacy set or a question set; a bad line, or a detail that is not part of
    /// its message, is an error naming its line number.</summary>
    public static List<LabelledRedaction> ReadAll(string path) => JsonLines.ReadAll(path, Parse);

    /// <summary>Every place <paramref name="detail"/>'s text stands in the message (a detail said
    /// twice is the same detail at both places).</summary>
    public IEnumerable<(int Start, int End)> PlacesOf(LabelledDetail detail)
    {
        for (var start = Text.IndexOf(detail.Text, StringComparison.Ordinal); start >= 0;
             start = Text.IndexOf(detail.Text, start + detail.Text.Length, StringComparison.Ordinal))
        {
            yield return (start, start + detail.Text.Length);
        }
    }

    public static LabelledRedaction Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var id = root.GetProperty("id").GetString() ?? throw new FormatException("'id' is null");
        if (!root.TryGetProperty("details", out var details))
        {
            return new LabelledRedaction(id, root.GetProperty("question").GetString() ?? throw new FormatException("'question' is null"), []);
        }

        var text = root.GetProperty("text").GetString() ?? throw new FormatException("'text' is null");
        var labelled = details.EnumerateArray()
            .Select(d => new LabelledDetail(
                d.GetProperty("text").GetString() ?? throw new FormatException("a detail's 'text' is null"),
                d.GetProperty("kind").GetString() ?? throw new FormatException("a detail's 'kind' is null")))
            .ToList();
        var missing = labelled.FirstOrDefault(d => d.Text.Length == 0 || !text.Contains(d.Text, StringComparison.Ordinal));
        if (missing is not null)
        {
            throw new FormatException($"{id}: the detail '{missing.Text}' is not part of the message");
        }

        return new LabelledRedaction(id, text, labelled);
    }
}
