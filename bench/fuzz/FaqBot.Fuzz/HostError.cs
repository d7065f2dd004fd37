using System.Text.Json;

namespace FaqBot.Fuzz;

/// <summary>An error or crash the host logged: the trace id of the request it was serving (none
/// for work done after a response, such as a Connector turn), and a short signature (exception type
/// and the first frame in the product's code) that tells one cause from another.</summary>
internal sealed record HostError(string? TraceId, string Signature, string Text, string Category)
{
    /// <summary>Logged by the product's own code, or by the server for an exception the product let
    /// escape; not, say, the antiforgery code reporting a cookie it cannot decrypt (it then issues a
    /// fresh one, and the request succeeds).</summary>
    public bool ByProduct => Category.StartsWith("FaqBot.", StringComparison.Ordinal)
        || Category is "Microsoft.AspNetCore.Server.Kestrel" or "Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware" or "(runtime)";

    /// <summary>The entry in one line of the host's JSON console log, when it is an error.</summary>
    public static HostError? Read(string line)
    {
        try
        {
            using var entry = JsonDocument.Parse(line);
            var root = entry.RootElement;
            if (!root.TryGetProperty("LogLevel", out var level) || level.GetString() is not ("Error" or "Critical"))
            {
                return null;
            }

            var message = root.TryGetProperty("Message", out var m) ? m.GetString() ?? "" : "";
            var exception = root.TryGetProperty("Exception", out var e) ? e.GetString() : null;
            var traceId = root.TryGetProperty("Scopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array
                ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(nameof(TraceId), out _))
                    .Select(s => s.GetProperty(nameof(TraceId)).GetString()).FirstOrDefault()
                : null;
            var category = root.TryGetProperty(nameof(Category), out var c) ? c.GetString() ?? "" : "";
            return new HostError(traceId, exception is null ? $"{category}: {Cut(message, 80)}" : SignatureOf(exception), Cut((exception ?? message).Split('\n')[0], 240), category);
        }
        catch (JsonException)
        {
            // A line that is not JSON: the runtime's own report of a crash.
            return line.StartsWith("Unhandled exception", StringComparison.Ordinal) || line.StartsWith("Out of memory", StringComparison.Ordinal)
                ? new HostError(null, Cut(line, 120), Cut(line, 240), "(runtime)")
                : null;
        }
    }

    /// <summary>"System.NullReferenceException at Knowledge_Pages_Lint.ExecuteAsync()": the type and
    /// the first frame in the product's code (else the first frame), without file and line.</summary>
    private static string SignatureOf(string exception)
    {
        var lines = exception.Split('\n', StringSplitOptions.TrimEntries);
        var type = lines[0].Split(':', 2)[0];
        var frames = lines.Where(l => l.StartsWith("at ", StringComparison.Ordinal)).ToList();
        var frame = frames.FirstOrDefault(f => f.Contains("FaqBot.", StringComparison.Ordinal) || f.Contains("AspNetCoreGeneratedDocument.", StringComparison.Ordinal))
            ?? frames.FirstOrDefault() ?? "";
        var at = frame.IndexOf(" in /", StringComparison.Ordinal);
        return $"{type} {(at > 0 ? frame[..at] : frame)}".Trim();
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
