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

        var listsDiagnostics = new FileDiagnostics(Path.GetRelativePath(display, Path.Combine(folder, ListsFile)), sink);
        var lists = LoadLists(Path.Combine(folder, ListsFile), listsDiagnostics);
        var normaliseDiagnostics = new FileDiagnostics(Path.GetRelativePath(display, Path.Combine(folder, NormaliseFile)), sink);
        var (replacements, clauseWords) = LoadNormalise(Path.Combine(folder, NormaliseFile), normaliseDiagnostics);
        var rules = new List<SafetyRule>();
        var riskWords = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var files = Directory.GetFiles(folder, "*.yaml").Where(f => Path.GetFileName(f) is not ListsFile and not NormaliseFile).ToArray();
        Array.Sort(files, StringComparer.Ordinal);
        var hadErrors = listsDiagnostics.HasErrors || normaliseDiagnostics.HasErrors;
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

    private static Dictionary<string, IReadOnlyList<string>> LoadLists(string path, FileDiagnostics diagnostics)
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var mapping = FrontMatter.ReadYamlFile(path, diagnostics, required: false);
        if (mapping is null)
        {
            return lists;
        }

        var fields = new YamlFields(mapping, diagnostics);
        if (mapping.Children.TryGetValue(new YamlScalarNode("lists"), out var node) && node is YamlMappingNode listsNode)
        {
            var entries = new YamlFields(listsNode, diagnostics, "lists.");
            foreach (var name in listsNode.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!))
            {
                if (entries.StringList(name, required: true) is { } words)
                {
                    lists[name] = [.. words.Select(w => w.ToLowerInvariant())];
                }
            }
        }
        else
        {
            diagnostics.Error("lists", "must be a mapping of list names to lists of words");
        }

        fields.Mapping("lists", required: false);
        fields.ReportUnknownFields();
        return lists;
    }

    private static (Dictionary<string, string> Replacements, HashSet<string> ClauseWords) LoadNormalise(string path, FileDiagnostics diagnostics)
    {
        var mapping = FrontMatter.ReadYamlFile(path, diagnostics);
        if (mapping is null)
        {
            return ([], []);
        }

        var fields = new YamlFields(mapping, diagnostics);
        var clauseWords = new HashSet<string>(fields.StringList("clauseWords", required: true) ?? [], StringComparer.Ordinal);
        var replacements = fields.StringMap("replacements", required: true)
            .ToDictionary(r => r.Key.ToLowerInvariant(), r => r.Value.ToLowerInvariant(), StringComparer.Ordinal);
        fields.ReportUnknownFields();
        return (replacements, clauseWords);
    }
}
