namespace FaqBot.Core.Knowledge.Lint;

/// <summary>Everything lint found in a knowledge folder.</summary>
/// <param name="Diagnostics">What <see cref="KnowledgeLoader.Load"/> reported, less what a rule
/// reports itself (quotes not found, expired reviews).</param>
/// <param name="Findings">What the lint rules found, in rule order (see <see cref="LintRules"/>).</param>
/// <param name="Notes">Rules that could not run and why, one line each.</param>
public sealed record LintReport(
    IReadOnlyList<KnowledgeDiagnostic> Diagnostics,
    IReadOnlyList<LintFinding> Findings,
    IReadOnlyList<string> Notes)
{
    public int ErrorCount => Diagnostics.Count(d => d.IsError) + Findings.Count(f => f.IsError);

    public int WarningCount => Diagnostics.Count + Findings.Count - ErrorCount;

    public bool HasErrors => ErrorCount > 0;

    /// <summary>Every diagnostic, then every finding, one line each, as <c>faqbot lint</c> prints them.</summary>
    public IEnumerable<string> Lines =>
        Diagnostics.Select(d => d.ToString()).Concat(Findings.Select(f => f.ToString()));
}
