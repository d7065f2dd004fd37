namespace FaqBot.Core.Generation;

/// <summary>What became of a generated answer.</summary>
public enum GenerationVerdict
{
    /// <summary>Every sentence verified: the generated answer was sent.</summary>
    Sent,

    /// <summary>The model replied with the not-found marker: the extractive answer was sent.</summary>
    NotFound,

    /// <summary>At least one sentence failed verification: the extractive answer was sent.</summary>
    Unverified,

    /// <summary>No reply within the time limit: the extractive answer was sent.</summary>
    TimedOut,

    /// <summary>The provider failed (error status, refused connection, malformed reply): the extractive answer was sent.</summary>
    Failed,
}

/// <summary>One sentence of a generated answer as the verifier read it: the snippets it cites
/// (1-based, as numbered in the prompt), the share of its content words found in them, and the
/// first problem found (null when it is supported).</summary>
public sealed record SentenceCheck(string Text, IReadOnlyList<int> Cites, double Coverage, string? Problem)
{
    public bool Supported => Problem is null;
}

/// <summary>What reviewers see of a generation: the model, the prompt version, the snippets it
/// was shown, its raw output, each sentence's check and the verdict.</summary>
public sealed record GenerationTrace(
    string Model,
    string Prompt,
    IReadOnlyList<string> Snippets,
    string RawOutput,
    GenerationVerdict Verdict,
    string Reason,
    IReadOnlyList<SentenceCheck> Sentences,
    double Milliseconds);
