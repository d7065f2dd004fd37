using System.Text.RegularExpressions;
using FaqBot.Core.Knowledge;
using YamlDotNet.RepresentationModel;

namespace FaqBot.Core.Safety;

/// <summary>
/// Reads <c>knowledge/safety/</c>: <c>lists.yaml</c> (named word lists used as <c>{name}</c> in
/// patterns), <c>normalise.yaml</c> (slang, emoji and clause words) and every other
/// <c>*.yaml</c> as rule files. Any problem (bad pattern, unknown category or list, duplicate id)
/// is an error naming file, rule and field, and the gate is not built.
/// </summary>
internal static class SafetyRuleLoader
{
    public const string Folder = "safety";
    public const string ListsFile = "lists.yaml";
    public const string NormaliseFile = "normalise.yaml";

    // Interpreted: the rules are many and large, and compiling them would cost start-up time and a
    // first-use JIT pause; measured triage stays well inside its budget without it.
    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static SafetyGate? Load(string knowledgeRoot, string display, List<KnowledgeDiagnostic> sink)
    {
        var folder = Path.Combine(knowledgeRoot, Folder);
        var folderDiagnostics = new FileDiagnostics(Path.GetRelativePath(display, folder), sink);
        if (!Directory.Exists(folder))
        {
            folderDiagnostics.Error("", "the folder is missing");
            return null;
        }

        var lists = LoadLists(Path.Combine(folder, ListsFile), display, sink);
        var (replacements, clauseWords) = LoadNormalise(Path.Combine(folder, NormaliseFile), display, sink);
        var rules = new List<SafetyRule>();
        var riskWords = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var files = Directory.GetFiles(folder, "*.yaml").Where(f => Path.GetFileName(f) is not ListsFile and not NormaliseFile).ToArray();
        Array.Sort(files, StringComparer.Ordinal);
        var hadErrors = sink.Any(d => d.IsError && d.File.StartsWith(Path.GetRelativePath(display, folder), StringComparison.Ordinal));
        foreach (var path in files)
        {
            var diagnostics = new FileDiagnostics(Path.GetRelativePath(display, path), sink);
            var mapping = FrontMatter.ParseYaml(File.ReadAllText(path), diagnostics);
            if (mapping is null)
            {
                hadErrors = true;
                continue;
            }

            var fields = new YamlFields(mapping, diagnostics);
            foreach (var rule in fields.MappingList("rules", required: true) ?? [])
            {
                var loaded = LoadRule(rule, lists, riskWords, diagnostics.File);
                if (loaded is not null && !ids.Add(loaded.Id))
                {
                    diagnostics.Error(rule.Path("id"), $"duplicate rule id '{loaded.Id}'");
                }
                else if (loaded is not null)
                {
                    rules.Add(loaded);
                }
            }

            fields.ReportUnknownFields();
            hadErrors |= diagnostics.HasErrors;
        }

        if (rules.Count == 0 && !hadErrors)
        {
            folderDiagnostics.Error("", "no safety rules found");
        }

        if (hadErrors || folderDiagnostics.HasErrors)
        {
            return null;
        }

        // Most severe first, so the trace lists urgent hits before the rest.
        rules.Sort((a, b) => b.Category.CompareTo(a.Category));
        return new SafetyGate(rules, new SafetyNormalizer(replacements, clauseWords, riskWords.Where(w => w.Length >= 4)));
    }

    private static SafetyRule? LoadRule(YamlFields rule, IReadOnlyDictionary<string, IReadOnlyList<string>> lists, HashSet<string> riskWords, string file)
    {
        var id = rule.RequiredString("id");
        var categoryText = rule.RequiredString("category");
        var reply = rule.OptionalString("reply");
        rule.OptionalString("description");
        var patterns = rule.StringList("patterns", required: true);
        var exceptions = rule.StringList("exceptions", required: false);
        var denials = rule.StringList("denials", required: false);
        rule.ReportUnknownFields();

        SafetyCategory? category = null;
        if (categoryText is not null)
        {
            if (Enum.TryParse<SafetyCategory>(categoryText, ignoreCase: true, out var parsed) && !int.TryParse(categoryText, out _))
            {
                category = parsed;
            }
            else
            {
                rule.Diagnostics.Error(rule.Path("category"), $"unknown category '{categoryText}' (urgent, dosing or diagnostic)");
            }
        }

        if (patterns is { Count: 0 })
        {
            rule.Diagnostics.Error(rule.Path("patterns"), "needs at least one pattern");
        }

        var compiled = CompileEach(rule, patterns, lists);
        var exceptionRegex = Compile(rule, "exceptions", exceptions, lists);
        var denialRegex = Compile(rule, "denials", denials, lists);
        if (id is null || category is null || compiled is null || rule.Diagnostics.HasErrors)
        {
            return null;
        }

        foreach (var word in patterns!.SelectMany(p => RulePattern.Words(p, lists)))
        {
            riskWords.Add(word);
        }

        return new SafetyRule(id, category.Value, reply ?? category.Value.ToString().ToLowerInvariant(), compiled, exceptionRegex, denialRegex, file);
    }

    /// <summary>Each pattern on its own, anchored with \G, for the gate to try only where one of
    /// its first tokens stands.</summary>
    private static List<SafetyPattern>? CompileEach(YamlFields rule, IReadOnlyList<string>? patterns, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        if (patterns is null)
        {
            return null;
        }

        var compiled = new List<SafetyPattern>(patterns.Count);
        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                var (regex, first) = RulePattern.Compile(patterns[i], lists);
                compiled.Add(new SafetyPattern(patterns[i], new Regex(@"\G" + regex, Options, MatchTimeout), first));
            }
            catch (FormatException ex)
            {
                rule.Diagnostics.Error($"{rule.Path("patterns")}[{i}]", $"bad pattern \"{patterns[i]}\": {ex.Message}");
            }
        }

        return compiled.Count == patterns.Count ? compiled : null;
    }

    /// <summary>One regular expression for exceptions or denials, searched at every word start of a clause.</summary>
    private static Regex? Compile(YamlFields rule, string field, IReadOnlyList<string>? patterns, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        if (patterns is null || patterns.Count == 0)
        {
            return null;
        }

        var parts = new List<string>(patterns.Count);
        for (var i = 0; i < patterns.Count; i++)
        {
            try
            {
                parts.Add(RulePattern.ToRegex(patterns[i], lists));
            }
            catch (FormatException ex)
            {
                rule.Diagnostics.Error($"{rule.Path(field)}[{i}]", $"bad pattern \"{patterns[i]}\": {ex.Message}");
            }
        }

        return parts.Count == patterns.Count ? new Regex(string.Join('|', parts.Select(p => "(?:" + p + ")")), Options, MatchTimeout) : null;
    }

    private static Dictionary<string, IReadOnlyList<string>> LoadLists(string path, string display, List<KnowledgeDiagnostic> sink)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var diagnostics = new FileDiagnostics(Path.GetRelativePath(display, path), sink);
        if (!File.Exists(path))
        {
            return lists;
        }

        var mapping = FrontMatter.ParseYaml(File.ReadAllText(path), diagnostics);
        if (mapping?.Children.TryGetValue(new YamlScalarNode("lists"), out var node) != true || node is not YamlMappingNode listsNode)
        {
            if (mapping is not null)
            {
                diagnostics.Error("lists", "must be a mapping of list names to lists of words");
            }

            return lists;
        }

        var fields = new YamlFields(listsNode, diagnostics, "lists.");
        foreach (var key in listsNode.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!))
        {
            var words = fields.StringList(key, required: true);
            if (words is not null)
            {
                lists[key] = [.. words.Select(w => w.ToLowerInvariant())];
            }
        }

        return lists;
    }

    private static (Dictionary<string, string> Replacements, HashSet<string> ClauseWords) LoadNormalise(string path, string display, List<KnowledgeDiagnostic> sink)
    {
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        var clauseWords = new HashSet<string>(StringComparer.Ordinal);
        var diagnostics = new FileDiagnostics(Path.GetRelativePath(display, path), sink);
        if (!File.Exists(path))
        {
            diagnostics.Error("", "the file is missing");
            return (replacements, clauseWords);
        }

        var mapping = FrontMatter.ParseYaml(File.ReadAllText(path), diagnostics);
        if (mapping is null)
        {
            return (replacements, clauseWords);
        }

        var fields = new YamlFields(mapping, diagnostics);
        clauseWords.UnionWith(fields.StringList("clauseWords", required: true) ?? []);
        if (mapping.Children.TryGetValue(new YamlScalarNode("replacements"), out var node) && node is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (key is YamlScalarNode { Value: { Length: > 0 } from } && value is YamlScalarNode { Value: { } to })
                {
                    replacements[from.ToLowerInvariant()] = to.ToLowerInvariant();
                }
                else
                {
                    diagnostics.Error("replacements", $"'{key}' must map one text to one text");
                }
            }
        }
        else
        {
            diagnostics.Error("replacements", "is missing or not a mapping");
        }

        fields.Mapping("replacements", required: false);
        fields.ReportUnknownFields();
        return (replacements, clauseWords);
    }
}
