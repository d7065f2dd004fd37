namespace FaqBot.Core.Knowledge.Lint;

/// <summary>
/// Checks a loaded knowledge folder beyond what loading checks: questions the bot cannot tell
/// apart, facts that contradict each other, clinical advice in answers, review dates, quotes not
/// in their source, broken links, and snippets no labelled question reaches (see
/// <see cref="LintRules"/>). Pure: reads only the loaded snapshot, the settings and, for relative
/// links, whether files exist in the knowledge folder. Used by <c>faqbot lint</c> and the staff pages.
/// </summary>
/// <example>
/// <code>
/// var load = KnowledgeLoader.Load(path, clinic, today);
/// var report = await KnowledgeLinter.LintAsync(load, new LintSettings(today, path) { LabelledQuestions = rows });
/// foreach (var line in report.Lines) { Console.WriteLine(line); }
/// </code>
/// </example>
public static class KnowledgeLinter
{
    private static readonly string[] Order = [.. LintRules.All];

    public static async Task<LintReport> LintAsync(KnowledgeLoadResult load, LintSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(settings);
        var diagnostics = new List<KnowledgeDiagnostic>();
        var findings = new List<LintFinding>();
        var notes = new List<string>();
        foreach (var diagnostic in load.Diagnostics)
        {
            if (QuoteNotFoundRule.From(diagnostic) is { } quote)
            {
                findings.Add(quote);
            }
            else if (!ReviewDatesRule.Covers(diagnostic, load.Knowledge, settings.Today))
            {
                diagnostics.Add(diagnostic);
            }
        }

        if (load.Knowledge is not { } knowledge)
        {
            notes.Add("The folder cannot be served, so only loading was checked.");
            return new LintReport(diagnostics, findings, notes);
        }

        var context = new LintContext(knowledge, settings);
        findings.AddRange(CollidingQuestionsRule.Check(context));
        findings.AddRange(ConflictingFactsRule.Check(context));
        findings.AddRange(ClinicalAdviceRule.Check(context));
        findings.AddRange(ReviewDatesRule.Check(context));
        findings.AddRange(BrokenLinksRule.Check(context));
        if (settings.LabelledQuestions is { } questions)
        {
            findings.AddRange(await UnreachedSnippetsRule.CheckAsync(context, questions, cancellationToken));
        }
        else
        {
            notes.Add($"{LintRules.UnreachedSnippets}: skipped, no labelled question set.");
        }

        return new LintReport(diagnostics, [.. findings.OrderBy(f => RuleOrder(f.Rule))], notes);
    }

    /// <summary>The <c>clinical-advice-in-answer</c> errors of one snippet (a draft about to be
    /// approved, say): doses or judgements of the reader's own case in its answer.</summary>
    public static IReadOnlyList<LintFinding> ClinicalAdvice(Snippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        return [.. ClinicalAdviceRule.Check(snippet, snippet.File)];
    }

    private static int RuleOrder(string rule)
    {
        var at = Array.IndexOf(Order, rule);
        return at < 0 ? int.MaxValue : at;
    }
}
