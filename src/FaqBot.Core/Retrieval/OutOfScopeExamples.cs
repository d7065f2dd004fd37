using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Retrieval;

/// <summary>One question patients ask that no approved snippet answers (cost, insurance, parking ...).</summary>
public sealed record OutOfScopeExample(string Id, string Text);

/// <summary>
/// The questions of <c>knowledge/out-of-scope.yaml</c>: what patients ask that no snippet
/// answers. The snippet classifier learns "none of the snippets" from them, so that a question
/// about something the clinic has no approved answer for gets the no-answer reply instead of the
/// nearest snippet. A malformed row or a duplicate id is an error naming the row; no file means
/// no examples.
/// </summary>
public sealed class OutOfScopeExamples(IReadOnlyList<OutOfScopeExample> examples)
{
    public const string File = "out-of-scope.yaml";

    /// <summary>The longest example text.</summary>
    public const int MaxTextLength = 400;

    public static OutOfScopeExamples None { get; } = new([]);

    public IReadOnlyList<OutOfScopeExample> All { get; } = examples;

    public int Count => All.Count;

    internal static OutOfScopeExamples? Load(string path, string displayPath, List<KnowledgeDiagnostic> sink)
    {
        if (!System.IO.File.Exists(path))
        {
            return None;
        }

        var diagnostics = new FileDiagnostics(displayPath, sink);
        var mapping = FrontMatter.ReadYamlFile(path, diagnostics);
        if (mapping is null)
        {
            return null;
        }

        var fields = new YamlFields(mapping, diagnostics);
        var examples = new List<OutOfScopeExample>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in fields.MappingList("examples", required: true) ?? [])
        {
            var id = row.RequiredString("id");
            var text = row.RequiredString("text")?.Trim();
            row.ReportUnknownFields();
            if (id is null || text is null)
            {
                continue;
            }

            if (text.Length is 0 or > MaxTextLength)
            {
                row.Diagnostics.Error(row.Path("text"), $"an example is 1 to {MaxTextLength} characters (was {text.Length})");
            }
            else if (!ids.Add(id))
            {
                row.Diagnostics.Error(row.Path("id"), $"duplicate example id '{id}'");
            }
            else
            {
                examples.Add(new OutOfScopeExample(id, text));
            }
        }

        fields.ReportUnknownFields();
        return diagnostics.HasErrors ? null : new OutOfScopeExamples(examples);
    }
}
