using System.Globalization;
using FaqBot.Core.Knowledge;

namespace FaqBot.Web.Knowledge;

/// <summary>The fields staff edit, as the browser sends them: questions one per line, tags
/// separated by commas, other sources one per line as <c>document | section | quote</c>. A field
/// left empty binds as empty text.</summary>
public sealed class SnippetForm
{
    public const char SourceSeparator = '|';

    public string Id { get; set => field = value ?? ""; } = "";

    public string Title { get; set => field = value ?? ""; } = "";

    public string Questions { get; set => field = value ?? ""; } = "";

    public string Tags { get; set => field = value ?? ""; } = "";

    public string SourceDocument { get; set => field = value ?? ""; } = "";

    public string SourceSection { get; set => field = value ?? ""; } = "";

    public string SourceQuote { get; set => field = value ?? ""; } = "";

    public string SeeAlso { get; set => field = value ?? ""; } = "";

    public string ReviewBy { get; set => field = value ?? ""; } = "";

    public string Body { get; set => field = value ?? ""; } = "";

    /// <summary>The version the editor started from; empty for a new snippet.</summary>
    public int? BaseVersion { get; set; }

    public static SnippetForm From(Snippet snippet) => new()
    {
        Id = snippet.Id,
        Title = snippet.Title,
        Questions = string.Join('\n', snippet.Questions),
        Tags = string.Join(", ", snippet.Tags),
        SourceDocument = snippet.Source.DocumentId,
        SourceSection = snippet.Source.Section,
        SourceQuote = snippet.Source.Quote,
        SeeAlso = string.Join('\n', snippet.SeeAlso.Select(s => $"{s.DocumentId} {SourceSeparator} {s.Section} {SourceSeparator} {s.Quote}")),
        ReviewBy = snippet.ReviewBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Body = snippet.Body,
        BaseVersion = snippet.Version,
    };

    /// <summary>The snippet these fields describe, or the problems that stop it (each naming its field).</summary>
    public (Snippet? Snippet, IReadOnlyList<string> Problems) ToSnippet(int version, string editor, DateTimeOffset at)
    {
        var problems = new List<string>();
        var questions = Lines(Questions);
        var tags = Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var seeAlso = new List<SourceRef>();
        var line = 0;
        foreach (var entry in Lines(SeeAlso))
        {
            line++;
            var parts = entry.Split(SourceSeparator, 3, StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            {
                problems.Add($"other sources, line {line}: write it as document {SourceSeparator} section {SourceSeparator} quote");
                continue;
            }

            seeAlso.Add(new SourceRef(parts[0], parts[1], parts[2]));
        }

        if (!DateOnly.TryParseExact(ReviewBy.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewBy))
        {
            problems.Add($"review by: '{ReviewBy}' is not a date like 2027-06-30");
        }

        if (questions.Count == 0)
        {
            problems.Add("questions: give at least one question, one per line");
        }

        if (tags.Length == 0)
        {
            problems.Add("tags: give at least one tag");
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var snippet = new Snippet(Id.Trim(), Title.Trim(), questions, tags,
            new SourceRef(SourceDocument.Trim(), SourceSection.Trim(), SourceQuote.Trim()), seeAlso,
            SnippetStatus.Draft, null, null, reviewBy, version, false, Body.Trim(), "")
        {
            EditedBy = editor,
            EditedAt = at,
        };
        return (snippet, []);
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
