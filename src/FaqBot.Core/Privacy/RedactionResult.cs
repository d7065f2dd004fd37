namespace FaqBot.Core.Privacy;

/// <summary>Redacted text and what was taken out of it: one kind per removed detail, in text
/// order, and where each stood in the original text. The removed values themselves are never kept.</summary>
public sealed record RedactionResult(string Text, IReadOnlyList<RedactionKind> Kinds)
{
    /// <summary>The whole text replaced by <see cref="RedactionPlaceholders.Withheld"/> because a
    /// pattern timed out.</summary>
    public static RedactionResult Withheld { get; } = new(RedactionPlaceholders.Withheld, []) { FailedClosed = true };

    /// <summary>True when the text could not be examined and was withheld whole; <see cref="Kinds"/> is then empty.</summary>
    public bool FailedClosed { get; private init; }

    /// <summary>Where each removed detail stood in the original text (offsets, not values), in
    /// text order; used to measure the redactor against labelled details.</summary>
    public IReadOnlyList<RedactedSpan> Spans { get; init; } = [];

    public int Count => Kinds.Count;

    public int CountOf(RedactionKind kind) => Kinds.Count(k => k == kind);
}

/// <summary>A stretch of the original text that was replaced by a placeholder of <paramref name="Kind"/>.</summary>
public readonly record struct RedactedSpan(int Start, int Length, RedactionKind Kind)
{
    public int End => Start + Length;
}
