using FaqBot.Core.Replies;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Safety;
using FaqBot.Core.Safety.Semantic;
using FaqBot.Core.SmallTalk;
using FaqBot.Core.Text;

namespace FaqBot.Core.Knowledge;

/// <summary>One consistent, immutable snapshot of the knowledge folder: what the bot serves from.</summary>
public sealed class KnowledgeBase
{
    public KnowledgeBase(
        IReadOnlyDictionary<string, SourceDocument> sources,
        IReadOnlyList<Snippet> snippets,
        ReplyCatalog replies,
        SmallTalkDetector smallTalk,
        RetrievalVocabulary vocabulary,
        SafetyGate safety,
        IReadOnlyList<Snippet>? drafts = null,
        SafetyExamples? safetyExamples = null,
        OutOfScopeExamples? outOfScope = null)
    {
        OutOfScope = outOfScope ?? OutOfScopeExamples.None;
        Drafts = drafts ?? [];
        SafetyExamples = safetyExamples ?? SafetyExamples.None;
        Safety = safety;
        Sources = sources;
        Snippets = snippets;
        Replies = replies;
        SmallTalk = smallTalk;
        Vocabulary = vocabulary;
        Index = new SnippetIndex(snippets.Where(s => s.Status == SnippetStatus.Approved).ToList(), vocabulary);
    }

    public IReadOnlyDictionary<string, SourceDocument> Sources { get; }

    /// <summary>Every valid snippet, whatever its status.</summary>
    public IReadOnlyList<Snippet> Snippets { get; }

    /// <summary>Pending drafts (<c>snippets/{id}.draft.md</c>), newer than the file they would
    /// replace. Never served; staff try them with <see cref="WithDraftsApproved"/>.</summary>
    public IReadOnlyList<Snippet> Drafts { get; }

    public ReplyCatalog Replies { get; }

    public SmallTalkDetector SmallTalk { get; }

    /// <summary>The safety rules of <c>knowledge/safety/</c>, applied before everything else.</summary>
    public SafetyGate Safety { get; }

    /// <summary>The labelled examples of <c>knowledge/safety/examples/</c>, which the semantic
    /// safety layer compares messages with.</summary>
    public SafetyExamples SafetyExamples { get; }

    public RetrievalVocabulary Vocabulary { get; }

    /// <summary>Questions no snippet answers (<c>knowledge/out-of-scope.yaml</c>), from which the
    /// snippet classifier learns "none of the snippets".</summary>
    public OutOfScopeExamples OutOfScope { get; }

    /// <summary>The retrieval index over approved snippets (expiry is checked per question).</summary>
    public SnippetIndex Index { get; }

    /// <summary>The snippet a staff page shows for an id: its draft if one is pending, else the file.</summary>
    public Snippet? WorkingCopy(string id) =>
        Drafts.FirstOrDefault(d => d.Id == id) ?? Snippets.FirstOrDefault(s => s.Id == id);

    /// <summary>This knowledge as it would be if every pending draft were approved today: each draft
    /// replaces its snippet and serves. For trying drafts before approval; patients never see it.</summary>
    public KnowledgeBase WithDraftsApproved()
    {
        var drafts = Drafts.ToDictionary(d => d.Id, d => d with { Status = SnippetStatus.Approved, ReviewBy = DateOnly.MaxValue }, StringComparer.Ordinal);
        var snippets = Snippets.Where(s => !drafts.ContainsKey(s.Id)).Concat(drafts.Values).ToList();
        return new KnowledgeBase(Sources, snippets, Replies, SmallTalk, Vocabulary, Safety, safetyExamples: SafetyExamples, outOfScope: OutOfScope);
    }
}
