using FaqBot.Core.Retrieval;

namespace FaqBot.Core.Knowledge.Lint;

/// <summary>What every rule reads: the loaded snapshot, the settings, and the snippets under
/// review (approved and draft; retired ones are never served again).</summary>
internal sealed class LintContext
{
    public LintContext(KnowledgeBase knowledge, LintSettings settings)
    {
        Knowledge = knowledge;
        Settings = settings;
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.KnowledgePath));
        Reviewed = [.. knowledge.Snippets.Where(s => s.Status != SnippetStatus.Retired).OrderBy(s => s.File, StringComparer.Ordinal)];
        Terms = new TermReader(Reviewed, knowledge.Vocabulary);
    }

    public KnowledgeBase Knowledge { get; }

    public LintSettings Settings { get; }

    /// <summary>The knowledge folder, absolute, without a trailing separator.</summary>
    public string Root { get; }

    public DateOnly Today => Settings.Today;

    /// <summary>Approved and draft snippets, ordered by file.</summary>
    public IReadOnlyList<Snippet> Reviewed { get; }

    public TermReader Terms { get; }

    public RetrievalScoring Scoring => new(Settings.Retrieval.QuestionCoverageExponent, Settings.Retrieval.SupportWeight);

    /// <summary>A file of the knowledge folder as diagnostics name it (<c>knowledge/replies/x.md</c>).</summary>
    public string Display(string path) =>
        Path.GetRelativePath(Path.GetDirectoryName(Root) ?? Root, Path.Combine(Root, path));
}
