using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Retrieval;

/// <summary>A snippet that might answer the question, its confidence in 0..1 and the stored
/// question it matched best.</summary>
public sealed record Candidate(Snippet Snippet, double Confidence, string MatchedQuestion)
{
    /// <summary>In hybrid ranking, the lexical part of the confidence.</summary>
    public double? Lexical { get; init; }

    /// <summary>In hybrid ranking, the snippet classifier's probability (the higher of the whole
    /// message's and the best clause's).</summary>
    public double? Semantic { get; init; }

    /// <summary>In hybrid ranking, the score before calibration (what candidates are ordered by).</summary>
    public double? Score { get; init; }
}

/// <summary>What retrieval found for one question.</summary>
public sealed record RetrievalResult(IReadOnlyList<QueryTerm> Terms, IReadOnlyList<Candidate> Candidates)
{
    public static RetrievalResult Empty { get; } = new([], []);
}
