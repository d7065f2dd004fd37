using FaqBot.Core.Generation;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Safety;

namespace FaqBot.Core.Answering;

public enum AnswerOutcome
{
    /// <summary>An approved snippet, verbatim, with its citations.</summary>
    Answered,

    /// <summary>Two or more snippets fit about equally well: the bot asks which was meant.</summary>
    Clarify,

    /// <summary>Diagnostic, dosing or urgent: declined and routed to staff.</summary>
    Declined,

    /// <summary>No approved snippet fits well enough: the no-answer reply.</summary>
    Unanswered,

    SmallTalk,

    /// <summary>Empty or too long.</summary>
    Invalid,
}

/// <summary>Where an answer came from: the snippet (id, title, version) and one source document it relies on.</summary>
public sealed record Citation(
    string SnippetId,
    string Title,
    int SnippetVersion,
    string SourceId,
    string Source,
    string Section,
    string? Url)
{
    /// <summary>One citation per source document of a snippet, its own source first.</summary>
    public static IEnumerable<Citation> Of(Snippet snippet, KnowledgeBase knowledge) =>
        snippet.AllSources
            .DistinctBy(s => s.DocumentId)
            .Select(s => (Source: s, Document: knowledge.Sources[s.DocumentId]))
            .Select(x => new Citation(snippet.Id, snippet.Title, snippet.Version, x.Document.Id, x.Document.Title, x.Source.Section, x.Document.Url));
}

/// <summary>Everything the bot decided for one message. <see cref="Text"/> is exactly what the
/// patient reads; <see cref="Trace"/> is why.</summary>
public sealed record Answer(
    AnswerOutcome Outcome,
    SafetyCategory? Category,
    string Text,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Suggestions,
    double Confidence,
    AnswerTrace Trace)
{
    /// <summary>The question retrieval read for this reply (the message without denied clauses, a
    /// choice it picked, or the message with the question before it), which a follow-up is read
    /// with; null when the message did not reach retrieval.</summary>
    public string? ReadAs { get; init; }

    /// <summary>Titles of other approved snippets a patient may want next (answers only).</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Whether <see cref="Text"/> was worded by the chat model (and verified): it then
    /// carries its own citation markers, and the patient is told it is AI-generated.</summary>
    public bool Generated => Trace.Generation is { Verdict: GenerationVerdict.Sent };

    /// <summary>Whether and why the turn is handed to staff (see <see cref="AnswerTrace.Handoff"/>).</summary>
    public HandoffDecision? Handoff => Trace.Handoff;
}
