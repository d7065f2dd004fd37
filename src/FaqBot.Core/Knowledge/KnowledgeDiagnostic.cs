namespace FaqBot.Core.Knowledge;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>One problem found in the knowledge folder, naming the file and the field.</summary>
public sealed record KnowledgeDiagnostic(DiagnosticSeverity Severity, string File, string Field, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{(IsError ? "error" : "warning")}: {File}: {(Field.Length > 0 ? Field + ": " : "")}{Message}";
}

/// <summary>Collects diagnostics for one file, so validators only name the field.</summary>
internal sealed class FileDiagnostics(string file, List<KnowledgeDiagnostic> sink)
{
    public string File { get; } = file;

    public bool HasErrors { get; private set; }

    public void Error(string field, string message)
    {
        HasErrors = true;
        sink.Add(new KnowledgeDiagnostic(DiagnosticSeverity.Error, File, field, message));
    }

    public void Warning(string field, string message) =>
        sink.Add(new KnowledgeDiagnostic(DiagnosticSeverity.Warning, File, field, message));
}
