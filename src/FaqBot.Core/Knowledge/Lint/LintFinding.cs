namespace FaqBot.Core.Knowledge.Lint;

/// <summary>One problem a lint rule found, naming the rule, the file and the field. Printed like a
/// <see cref="KnowledgeDiagnostic"/> with the rule id after the field:
/// <c>warning: knowledge/snippets/x.md: questions[2]: colliding-questions: ...</c>.</summary>
public sealed record LintFinding(string Rule, DiagnosticSeverity Severity, string File, string Field, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{(IsError ? "error" : "warning")}: {File}: {(Field.Length > 0 ? Field + ": " : "")}{Rule}: {Message}";

    internal static LintFinding Error(string rule, string file, string field, string message) =>
        new(rule, DiagnosticSeverity.Error, file, field, message);

    internal static LintFinding Warning(string rule, string file, string field, string message) =>
        new(rule, DiagnosticSeverity.Warning, file, field, message);
}
