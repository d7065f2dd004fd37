using FaqBot.Core.Generation;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Safety;

namespace FaqBot.Core.Answering;

/// <summary>Why the bot answered as it did: the terms it read, the candidates and their scores,
/// the decision and how long each step took. Travels with the answer into transcripts.</summary>
public sealed record AnswerTrace(
    string Decision,
    IReadOnlyList<QueryTerm> Terms,
    IReadOnlyList<TraceCandidate> Candidates,
    string? ReplyId,
    int? ReplyVersion,
    TraceTimings Timings)
{
    /// <summary>The safety rules that fired, on which clause, and whether a denial cancelled them.</summary>
    public IReadOnlyList<RuleHit> Safety { get; init; } = [];

    /// <summary>The generated answer tried for this turn, if the generative mode is on: model,
    /// prompt version, raw output, each sentence's check and the verdict.</summary>
    public GenerationTrace? Generation { get; init; }

    /// <summary>Whether and why the turn was handed to staff (the one decision the queue item and
    /// the handoff event are read from); null when it was not.</summary>
    public HandoffDecision? Handoff { get; init; }

    public static AnswerTrace ForReply(string decision, string replyId, int replyVersion, TraceTimings timings) =>
        new(decision, [], [], replyId, replyVersion, timings);
}

public sealed record TraceCandidate(string SnippetId, int Version, double Confidence, string MatchedQuestion, double? Lexical = null, double? Semantic = null, double? Score = null);

/// <summary>Elapsed microseconds: the whole turn and retrieval alone.</summary>
public sealed record TraceTimings(double TotalMicroseconds, double RetrievalMicroseconds);
