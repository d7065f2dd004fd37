namespace FaqBot.Core.Knowledge.Lint;

/// <summary>The ids of the lint rules, as printed in each finding. Each rule's class documents
/// exactly what it reports and its thresholds.</summary>
public static class LintRules
{
    /// <summary>Questions of two snippets that the bot cannot tell apart (warning).</summary>
    public const string CollidingQuestions = "colliding-questions";

    /// <summary>Two snippets giving different values for the same quantity on the same topic (warning).</summary>
    public const string ConflictingFacts = "conflicting-facts";

    /// <summary>A dose amount or a judgement of the reader's suitability in an answer (error).</summary>
    public const string ClinicalAdviceInAnswer = "clinical-advice-in-answer";

    /// <summary>An approved snippet past its review date (error) or due within the window (warning).</summary>
    public const string ReviewDates = "review-dates";

    /// <summary>A source or seeAlso quote that does not occur in its source document (error, found by the loader).</summary>
    public const string QuoteNotFound = "quote-not-found";

    /// <summary>A malformed, unsupported or dangling link in an answer, a reply or a source's URL (error).</summary>
    public const string BrokenLinks = "broken-links";

    /// <summary>An approved, served snippet that no labelled question is answered with (warning).</summary>
    public const string UnreachedSnippets = "unreached-snippets";

    public static IReadOnlyList<string> All { get; } =
    [
        CollidingQuestions, ConflictingFacts, ClinicalAdviceInAnswer, ReviewDates, QuoteNotFound, BrokenLinks, UnreachedSnippets,
    ];
}
