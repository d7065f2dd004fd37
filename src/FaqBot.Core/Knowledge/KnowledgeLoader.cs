using FaqBot.Core.Configuration;
using FaqBot.Core.Replies;
using FaqBot.Core.Safety;
using FaqBot.Core.SmallTalk;
using FaqBot.Core.Text;

namespace FaqBot.Core.Knowledge;

/// <summary>The outcome of reading a knowledge folder: the snapshot to serve (null when the folder
/// cannot be served at all) and every problem found, each naming its file and field.</summary>
public sealed record KnowledgeLoadResult(KnowledgeBase? Knowledge, IReadOnlyList<KnowledgeDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public int ErrorCount => Diagnostics.Count(d => d.IsError);
}

/// <summary>
/// Reads <c>knowledge/</c>: sources, snippets, fixed replies, retrieval vocabulary, small talk,
/// safety rules and examples, and the out-of-scope questions.
/// A snippet file with any error is left out (the rest still serve); a folder without its fixed
/// replies or vocabulary cannot serve at all.
/// </summary>
public static class KnowledgeLoader
{
    public const string SourcesFolder = "sources";
    public const string SnippetsFolder = "snippets";
    public const string RepliesFolder = "replies";
    public const string VocabularyFile = "retrieval.yaml";
    public const string SmallTalkFile = "smalltalk.yaml";

    public static KnowledgeLoadResult Load(string root, ClinicOptions clinic, DateOnly today)
    {
        var sink = new List<KnowledgeDiagnostic>();
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var display = Path.GetDirectoryName(root) ?? root;
        if (!Directory.Exists(root))
        {
            sink.Add(new KnowledgeDiagnostic(DiagnosticSeverity.Error, root, "", "the knowledge folder does not exist"));
            return new KnowledgeLoadResult(null, sink);
        }

        var sources = LoadSources(Path.Combine(root, SourcesFolder), display, sink);
        var (snippets, drafts) = LoadSnippets(Path.Combine(root, SnippetsFolder), display, sources, today, sink);
        var replies = ReplyCatalog.Load(Path.Combine(root, RepliesFolder), display, clinic, sink);
        var vocabulary = RetrievalVocabulary.Load(Path.Combine(root, VocabularyFile), Display(VocabularyFile), sink);
        var smallTalk = SmallTalkDetector.Load(Path.Combine(root, SmallTalkFile), Display(SmallTalkFile), sink);
        var safety = SafetyRuleLoader.Load(root, display, sink);
        var safetyExamples = Safety.Semantic.SafetyExampleLoader.Load(root, display, sink);
        var outOfScope = Retrieval.OutOfScopeExamples.Load(Path.Combine(root, Retrieval.OutOfScopeExamples.File), Display(Retrieval.OutOfScopeExamples.File), sink);

        // Each check reports on its own, so lint lists every missing reply at once.
        var smallTalkReplies = smallTalk is not null && replies is not null && CheckSmallTalkReplies(smallTalk, replies, Display(SmallTalkFile), sink);
        var safetyReplies = safety is not null && replies is not null && CheckSafetyReplies(safety, replies, sink);
        var knowledge = smallTalkReplies && safetyReplies && vocabulary is not null && safetyExamples is not null && outOfScope is not null
            ? new KnowledgeBase(sources, snippets, replies!, smallTalk!, vocabulary, safety!, drafts, safetyExamples, outOfScope)
            : null;
        return new KnowledgeLoadResult(knowledge, sink);

        string Display(string file) => Path.GetRelativePath(display, Path.Combine(root, file));
    }

    /// <summary>The sources of <c>sources/</c> that load; what is wrong with the others goes to the sink.</summary>
    internal static Dictionary<string, SourceDocument> LoadSources(string folder, string display, List<KnowledgeDiagnostic> sink)
    {
        var sources = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        foreach (var path in Files(folder, "*.txt", display, sink))
        {
            var diagnostics = new FileDiagnostics(Path.GetRelativePath(display, path), sink);
            if (IsLink(path, diagnostics))
            {
                continue;
            }

            var source = SourceLoader.Load(path, File.ReadAllText(path), diagnostics);
            if (source is not null && !sources.TryAdd(source.Id, source))
            {
                diagnostics.Error("id", $"duplicate source id '{source.Id}'");
            }
        }

        return sources;
    }

    private static (List<Snippet> Snippets, List<Snippet> Drafts) LoadSnippets(string folder, string display, Dictionary<string, SourceDocument> sources, DateOnly today, List<KnowledgeDiagnostic> sink)
    {
        var snippets = new Dictionary<string, Snippet>(StringComparer.Ordinal);
        var drafts = new List<(Snippet Draft, FileDiagnostics Diagnostics)>();
        foreach (var path in Files(folder, "*" + SnippetFile.Extension, display, sink))
        {
            var diagnostics = new FileDiagnostics(Path.GetRelativePath(display, path), sink);
            if (IsLink(path, diagnostics))
            {
                continue;
            }

            var snippet = SnippetLoader.Load(path, File.ReadAllText(path), sources, diagnostics);
            if (snippet is null)
            {
                continue;
            }

            if (snippet.IsDraftFile)
            {
                drafts.Add((snippet, diagnostics));
                continue;
            }

            if (!snippets.TryAdd(snippet.Id, snippet))
            {
                diagnostics.Error("id", $"duplicate snippet id '{snippet.Id}' (also in {snippets[snippet.Id].File})");
                continue;
            }

            if (snippet.Status == SnippetStatus.Approved && snippet.ReviewBy < today)
            {
                diagnostics.Warning("reviewBy", $"review was due {snippet.ReviewBy:yyyy-MM-dd}; the snippet is not served until it is reviewed");
            }
        }

        // A draft is kept only while it is newer than the file it would replace: one that is not
        // was left behind by an interrupted approval, and is reported rather than offered.
        var pending = new List<Snippet>();
        foreach (var (draft, diagnostics) in drafts)
        {
            if (snippets.TryGetValue(draft.Id, out var current) && current.Version >= draft.Version)
            {
                diagnostics.Warning("version", $"draft version {draft.Version} is not newer than {current.File} (version {current.Version}); it is ignored and can be deleted");
                continue;
            }

            pending.Add(draft);
        }

        return ([.. snippets.Values], pending);
    }

    private static bool CheckSmallTalkReplies(SmallTalkDetector smallTalk, ReplyCatalog replies, string file, List<KnowledgeDiagnostic> sink)
    {
        var known = replies.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var diagnostics = new FileDiagnostics(file, sink);
        foreach (var intent in smallTalk.Intents.Where(i => !known.Contains(i.ReplyId)))
        {
            diagnostics.Error("intents", $"intent '{intent.Id}' names reply '{intent.ReplyId}', which is not in replies/");
        }

        return !diagnostics.HasErrors;
    }

    private static bool CheckSafetyReplies(SafetyGate safety, ReplyCatalog replies, List<KnowledgeDiagnostic> sink)
    {
        var ok = true;
        foreach (var rule in safety.Rules.Where(r => !replies.Contains(r.ReplyId)))
        {
            sink.Add(new KnowledgeDiagnostic(DiagnosticSeverity.Error, rule.File, rule.Id, $"reply '{rule.ReplyId}' is not in replies/"));
            ok = false;
        }

        return ok;
    }

    /// <summary>A source or snippet file must be a plain file in its folder: a symbolic link (which
    /// could bring in text from anywhere on the machine) is refused with an error and left out.</summary>
    private static bool IsLink(string path, FileDiagnostics diagnostics)
    {
        if (new FileInfo(path).LinkTarget is null)
        {
            return false;
        }

        diagnostics.Error("", "is a symbolic link; source and snippet files must be plain files, so it is not loaded");
        return true;
    }

    private static string[] Files(string folder, string pattern, string display, List<KnowledgeDiagnostic> sink)
    {
        if (!Directory.Exists(folder))
        {
            sink.Add(new KnowledgeDiagnostic(DiagnosticSeverity.Error, Path.GetRelativePath(display, folder), "", "the folder is missing"));
            return [];
        }

        var files = Directory.GetFiles(folder, pattern);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}
