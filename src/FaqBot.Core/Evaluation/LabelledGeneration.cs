using System.Text.Json;

namespace FaqBot.Core.Evaluation;

/// <summary>One constructed model answer of a verifier set (<c>tests/labelled/generated-answers*.jsonl</c>):
/// the question, the snippets the model was shown (numbered in order), the answer, whether it is
/// faithful or corrupted, and the kind of corruption.</summary>
public sealed record LabelledGeneration(string Id, string Question, IReadOnlyList<string> Snippets, string Answer, bool Faithful, string Kind)
{
    /// <summary>Reads a verifier set; a bad line is an error naming its line number.</summary>
    public static List<LabelledGeneration> ReadAll(string path) => JsonLines.ReadAll(path, Parse);

    public static LabelledGeneration Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var label = Required(root, "label");
        if (label is not ("faithful" or "corrupted"))
        {
            throw new FormatException($"'label' is '{label}', not faithful or corrupted");
        }

        var snippets = root.GetProperty("snippets").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        if (snippets.Count == 0)
        {
            throw new FormatException("'snippets' is empty");
        }

        return new LabelledGeneration(Required(root, "id"), Required(root, "question"), snippets, Required(root, "answer"), label == "faithful",
            root.TryGetProperty("kind", out var kind) ? kind.GetString() ?? label : label);
    }

    private static string Required(JsonElement root, string name) =>
        root.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");
}
