using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Safety.Semantic;

/// <summary>Reads <c>knowledge/safety/examples/*.yaml</c>: each file names its category
/// (<c>urgent</c>, <c>dosing</c>, <c>diagnostic</c> or <c>none</c>) and lists examples with an id
/// and a text. A malformed row, a duplicate id or an unknown category is an error naming file and
/// row; two examples with the same words under different labels are an error too (the classifier
/// could not tell them apart). No folder means no examples, and the semantic layer has nothing to
/// compare with.</summary>
internal static class SafetyExampleLoader
{
    public const string Folder = "examples";

    /// <summary>The longest example text; examples are single messages or clauses.</summary>
    public const int MaxTextLength = 400;

    public static SafetyExamples? Load(string knowledgeRoot, string display, List<KnowledgeDiagnostic> sink)
    {
        var folder = Path.Combine(knowledgeRoot, SafetyRuleLoader.Folder, Folder);
        if (!Directory.Exists(folder))
        {
            return SafetyExamples.None;
        }

        var files = Directory.GetFiles(folder, "*.yaml");
        Array.Sort(files, StringComparer.Ordinal);
        var examples = new List<SafetyExample>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var byWords = new Dictionary<string, SafetyExample>(StringComparer.Ordinal);
        var hadErrors = false;
        foreach (var path in files)
        {
            var diagnostics = new FileDiagnostics(Path.GetRelativePath(display, path), sink);
            var mapping = FrontMatter.ReadYamlFile(path, diagnostics);
            if (mapping is null)
            {
                hadErrors = true;
                continue;
            }

            var fields = new YamlFields(mapping, diagnostics);
            var category = Category(fields);
            foreach (var row in fields.MappingList("examples", required: true) ?? [])
            {
                var id = row.RequiredString("id");
                var text = row.RequiredString("text")?.Trim();
                row.ReportUnknownFields();
                if (id is null || text is null || category is not var (ok, label) || !ok)
                {
                    continue;
                }

                if (text.Length is 0 or > MaxTextLength)
                {
                    row.Diagnostics.Error(row.Path("text"), $"an example is 1 to {MaxTextLength} characters (was {text.Length})");
                    continue;
                }

                var example = new SafetyExample(id, label, text, diagnostics.File);
                if (!ids.Add(id))
                {
                    row.Diagnostics.Error(row.Path("id"), $"duplicate example id '{id}'");
                    continue;
                }

                var words = Words(text);
                if (byWords.TryGetValue(words, out var twin) && twin.Category != label)
                {
                    row.Diagnostics.Error(row.Path("text"), $"'{id}' has the same words as '{twin.Id}' ({twin.File}) under another label");
                    continue;
                }

                byWords.TryAdd(words, example);
                examples.Add(example);
            }

            fields.ReportUnknownFields();
            hadErrors |= diagnostics.HasErrors;
        }

        if (hadErrors)
        {
            return null;
        }

        examples.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new SafetyExamples(examples);
    }

    /// <summary>The file's category: (true, null) for <c>none</c>, (false, null) when missing or unknown.</summary>
    private static (bool Ok, SafetyCategory? Label)? Category(YamlFields fields)
    {
        var text = fields.RequiredString("category");
        if (text is null)
        {
            return (false, null);
        }

        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return (true, null);
        }

        if (Enum.TryParse<SafetyCategory>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, out _))
        {
            return (true, parsed);
        }

        fields.Diagnostics.Error(fields.Path("category"), $"unknown category '{text}' (urgent, dosing, diagnostic or none)");
        return (false, null);
    }

    /// <summary>The example's words, lower case, in order, without punctuation: "I want to die!" and
    /// "i want to die" are the same example.</summary>
    private static string Words(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(char.IsLetterOrDigit)])).Where(w => w.Length > 0));
}
