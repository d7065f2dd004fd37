using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FaqBot.Core.Knowledge;

/// <summary>
/// The file form of a snippet: <c>snippets/{id}.md</c> is what patients are served (when approved),
/// and <c>snippets/{id}.draft.md</c> is a pending draft beside it that is never served. This type
/// names the files, writes a snippet back to Markdown with YAML front matter, and reads one file
/// with the same checks as a folder load.
/// </summary>
public static class SnippetFile
{
    public const string Extension = ".md";

    public const string DraftSuffix = ".draft.md";

    /// <summary>How <c>editedAt</c> is written: UTC to the second.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private static readonly JsonSerializerOptions YamlString = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsDraftFile(string path) => Path.GetFileName(path).EndsWith(DraftSuffix, StringComparison.Ordinal);

    /// <summary>The snippet id a file name stands for: <c>a-b.md</c> and <c>a-b.draft.md</c> are both <c>a-b</c>.</summary>
    public static string IdOf(string path)
    {
        var name = Path.GetFileName(path);
        return IsDraftFile(path) ? name[..^DraftSuffix.Length] : Path.GetFileNameWithoutExtension(name);
    }

    public static string FileName(string id, bool draft) => id + (draft ? DraftSuffix : Extension);

    /// <summary>Reads one snippet file as the folder load would, against the given sources.</summary>
    public static SnippetParse Parse(string path, string text, IReadOnlyDictionary<string, SourceDocument> sources, string displayName)
    {
        var sink = new List<KnowledgeDiagnostic>();
        var snippet = SnippetLoader.Load(path, text, sources, new FileDiagnostics(displayName, sink));
        return new SnippetParse(snippet, sink);
    }

    /// <summary>The snippet as a knowledge file. Every string is written as a double-quoted YAML
    /// scalar, so no title, question or quote can change the front matter's structure.</summary>
    public static string Render(Snippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var yaml = new StringBuilder();
        yaml.Append("---\n");
        yaml.Append("id: ").Append(snippet.Id).Append('\n');
        yaml.Append("title: ").Append(Quoted(snippet.Title)).Append('\n');
        yaml.Append("questions:\n");
        foreach (var question in snippet.Questions)
        {
            yaml.Append("  - ").Append(Quoted(question)).Append('\n');
        }

        yaml.Append("tags: [").AppendJoin(", ", snippet.Tags.Select(Quoted)).Append("]\n");
        yaml.Append("source:\n");
        AppendSource(yaml, "  ", "  ", snippet.Source);
        if (snippet.SeeAlso.Count > 0)
        {
            yaml.Append("seeAlso:\n");
            foreach (var also in snippet.SeeAlso)
            {
                AppendSource(yaml, "  - ", "    ", also);
            }
        }

        yaml.Append("status: ").Append(snippet.Status.ToString().ToLowerInvariant()).Append('\n');
        if (snippet.ApprovedBy is { } approvedBy)
        {
            yaml.Append("approvedBy: ").Append(Quoted(approvedBy)).Append('\n');
        }

        if (snippet.ApprovedOn is { } approvedOn)
        {
            yaml.Append("approvedOn: ").Append(Day(approvedOn)).Append('\n');
        }

        yaml.Append("reviewBy: ").Append(Day(snippet.ReviewBy)).Append('\n');
        yaml.Append("version: ").Append(snippet.Version.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (snippet.Sample)
        {
            yaml.Append("sample: true\n");
        }

        if (snippet.EditedBy is { } editedBy)
        {
            yaml.Append("editedBy: ").Append(Quoted(editedBy)).Append('\n');
        }

        if (snippet.EditedAt is { } editedAt)
        {
            yaml.Append("editedAt: ").Append(Quoted(editedAt.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture))).Append('\n');
        }

        yaml.Append("---\n");
        yaml.Append(snippet.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()).Append('\n');
        return yaml.ToString();
    }

    private static void AppendSource(StringBuilder yaml, string first, string rest, SourceRef source)
    {
        yaml.Append(first).Append("document: ").Append(Quoted(source.DocumentId)).Append('\n');
        yaml.Append(rest).Append("section: ").Append(Quoted(source.Section)).Append('\n');
        yaml.Append(rest).Append("quote: ").Append(Quoted(source.Quote)).Append('\n');
    }

    // A JSON string is a valid YAML double-quoted scalar.
    private static string Quoted(string value) => JsonSerializer.Serialize(value, YamlString);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One snippet file read on its own: the snippet, or null with the errors that stop it.</summary>
public sealed record SnippetParse(Snippet? Snippet, IReadOnlyList<KnowledgeDiagnostic> Diagnostics)
{
    public IEnumerable<KnowledgeDiagnostic> Errors => Diagnostics.Where(d => d.IsError);
}
