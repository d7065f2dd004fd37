using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Text;

/// <summary>
/// How questions are read, from <c>knowledge/retrieval.yaml</c>: stop words (dropped), light words
/// (kept at a small weight: they rarely say what a question is about) and synonym groups (every
/// word of a group is read as the group's first word).
/// </summary>
public sealed record RetrievalVocabulary(
    IReadOnlyList<string> StopWords,
    IReadOnlyList<string> LightWords,
    IReadOnlyList<IReadOnlyList<string>> Synonyms)
{
    public static RetrievalVocabulary Empty { get; } = new([], [], []);

    internal static RetrievalVocabulary? Load(string path, string displayPath, List<KnowledgeDiagnostic> sink)
    {
        var diagnostics = new FileDiagnostics(displayPath, sink);
        var mapping = FrontMatter.ReadYamlFile(path, diagnostics);
        if (mapping is null)
        {
            return null;
        }

        var fields = new YamlFields(mapping, diagnostics);
        var stopWords = fields.StringList("stopwords", required: true) ?? [];
        var lightWords = fields.StringList("lightwords", required: true) ?? [];
        var groups = new List<IReadOnlyList<string>>();
        var groupsNode = fields.StringListList("synonyms");
        fields.ReportUnknownFields();

        var stop = new HashSet<string>(stopWords, StringComparer.OrdinalIgnoreCase);
        var light = new HashSet<string>(lightWords, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var g = 0; g < groupsNode.Count; g++)
        {
            var group = groupsNode[g];
            if (group.Count < 2)
            {
                diagnostics.Error($"synonyms[{g}]", "a synonym group needs at least two words");
                continue;
            }

            foreach (var word in group)
            {
                if (word.Any(char.IsWhiteSpace))
                {
                    diagnostics.Error($"synonyms[{g}]", $"'{word}': use single words");
                }
                else if (!seen.TryAdd(word, g))
                {
                    diagnostics.Error($"synonyms[{g}]", $"'{word}' is already in synonyms[{seen[word]}]");
                }
                else if (stop.Contains(word))
                {
                    diagnostics.Error($"synonyms[{g}]", $"'{word}' is a stop word, so this synonym would never apply");
                }
                else if (light.Contains(word))
                {
                    diagnostics.Error($"synonyms[{g}]", $"'{word}' is a light word; it would make the whole group light");
                }
            }

            groups.Add(group);
        }

        return diagnostics.HasErrors ? null : new RetrievalVocabulary(stopWords, lightWords, groups);
    }
}
