using FaqBot.Core.Replies;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Safety;
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
        SafetyGate safety)
    {
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

    public ReplyCatalog Replies { get; }

    public SmallTalkDetector SmallTalk { get; }

    /// <summary>The safety rules of <c>knowledge/safety/</c>, applied before everything else.</summary>
    public SafetyGate Safety { get; }

    public RetrievalVocabulary Vocabulary { get; }

    /// <summary>The retrieval index over approved snippets (expiry is checked per question).</summary>
    public SnippetIndex Index { get; }
}
