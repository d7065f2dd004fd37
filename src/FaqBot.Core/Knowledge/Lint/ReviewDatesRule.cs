namespace FaqBot.Core.Knowledge.Lint;

/// <summary>
/// <c>review-dates</c>: approved snippets whose <c>reviewBy</c> has passed (error: the snippet is
/// no longer served) or falls within <see cref="LintSettings.ExpiringWithinDays"/> days of today,
/// today included (warning). The review-by day itself still serves. Drafts and retired snippets
/// are not served, so their dates are not checked.
/// </summary>
internal static class ReviewDatesRule
{
    public static IEnumerable<LintFinding> Check(LintContext context)
    {
        var today = context.Today;
        var window = context.Settings.ExpiringWithinDays;
        foreach (var snippet in context.Reviewed.Where(s => s.Status == SnippetStatus.Approved))
        {
            var days = snippet.ReviewBy.DayNumber - today.DayNumber;
            if (days < 0)
            {
                yield return LintFinding.Error(LintRules.ReviewDates, snippet.File, "reviewBy",
                    $"review was due {snippet.ReviewBy:yyyy-MM-dd} ({-days} day(s) ago); the snippet is not served until it is reviewed");
            }
            else if (days <= window)
            {
                yield return LintFinding.Warning(LintRules.ReviewDates, snippet.File, "reviewBy",
                    $"review is due {snippet.ReviewBy:yyyy-MM-dd}, {(days == 0 ? "today" : $"in {days} day(s)")} (within {window} day(s)); after that the snippet is not served");
            }
        }
    }

    /// <summary>The loader's own warning about an expired review, which this rule reports as an error instead.</summary>
    public static bool Covers(KnowledgeDiagnostic diagnostic, KnowledgeBase? knowledge, DateOnly today) =>
        diagnostic is { Severity: DiagnosticSeverity.Warning, Field: "reviewBy" }
        && knowledge is not null
        && knowledge.Snippets.Any(s => s.File == diagnostic.File && s.Status == SnippetStatus.Approved && s.ReviewBy < today);
}
