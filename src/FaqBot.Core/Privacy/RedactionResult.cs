namespace FaqBot.Core.Privacy;

/// <summary>Redacted text and what was taken out of it: one kind per removed detail, in text
/// order. The removed values themselves are never kept.</summary>
public sealed record RedactionResult(string Text, IReadOnlyList<RedactionKind> Kinds)
{
    /// <summary>The whole text replaced by <see cref="RedactionPlaceholders.Withheld"/> because a
    /// pattern timed out.</summary>
    public static RedactionResult Withheld { get; } = new(RedactionPlaceholders.Withheld, []) { FailedClosed = true };

    /// <summary>True when the text could not be examined and was withheld whole; <see cref="Kinds"/> is then empty.</summary>
    public bool FailedClosed { get; private init; }

    public int Count => Kinds.Count;

    public int CountOf(RedactionKind kind) => Kinds.Count(k => k == kind);
}
