namespace FaqBot.Core.Knowledge;

/// <summary>Reads and validates one <c>snippets/*.md</c> file: YAML front matter and the answer text.</summary>
internal static class SnippetLoader
{
    public static Snippet? Load(string path, string text, IReadOnlyDictionary<string, SourceDocument> sources, FileDiagnostics diagnostics)
    {
        var frontMatter = FrontMatter.Parse(text, diagnostics);
        if (frontMatter is null)
        {
            return null;
        }

        var fields = new YamlFields(frontMatter.Fields, diagnostics);
        var id = fields.RequiredString("id");
        var title = fields.RequiredString("title");
        var questions = fields.StringList("questions", required: true);
        var tags = fields.StringList("tags", required: true);
        var source = ReadSourceRef(fields.Mapping("source", required: true), sources);
        var seeAlso = fields.MappingList("seeAlso", required: false)?.Select(f => ReadSourceRef(f, sources)).ToList();
        var status = ReadStatus(fields);
        var approvedBy = fields.OptionalString("approvedBy");
        var approvedOn = fields.Date("approvedOn", required: false);
        var reviewBy = fields.Date("reviewBy", required: true);
        var version = fields.PositiveInt("version", required: true);
        var sample = fields.Bool("sample", defaultValue: false);
        var editedBy = fields.OptionalString("editedBy");
        var editedAt = ReadTimestamp(fields, "editedAt");
        fields.ReportUnknownFields();

        var isDraftFile = SnippetFile.IsDraftFile(path);
        if (id is not null && id != SnippetFile.IdOf(path))
        {
            diagnostics.Error("id", $"'{id}' does not match the file name '{Path.GetFileName(path)}'");
        }

        if (isDraftFile && status is { } draftStatus && draftStatus != SnippetStatus.Draft)
        {
            diagnostics.Error("status", $"a {SnippetFile.DraftSuffix} file holds a draft; its status must be draft, not {draftStatus.ToString().ToLowerInvariant()}");
        }

        if (questions is { Count: 0 })
        {
            diagnostics.Error("questions", "needs at least one question");
        }

        if (status == SnippetStatus.Approved)
        {
            if (approvedBy is null)
            {
                diagnostics.Error("approvedBy", "is missing (required when status is approved)");
            }

            if (approvedOn is null)
            {
                diagnostics.Error("approvedOn", "is missing (required when status is approved)");
            }
        }

        if (approvedOn is { } on && reviewBy is { } by && by < on)
        {
            diagnostics.Error("reviewBy", $"{by:yyyy-MM-dd} is before approvedOn {on:yyyy-MM-dd}");
        }

        var body = frontMatter.Body.Trim();
        if (body.Length == 0)
        {
            diagnostics.Error("body", "the answer text after the front matter is empty");
        }

        if (diagnostics.HasErrors || id is null || title is null || questions is null || tags is null
            || source is null || status is null || reviewBy is null || version is null
            || seeAlso is not null && seeAlso.Any(s => s is null))
        {
            return null;
        }

        return new Snippet(id, title, questions, tags, source, seeAlso?.Select(s => s!).ToList() ?? [],
            status.Value, approvedBy, approvedOn, reviewBy.Value, version.Value, sample, body, diagnostics.File)
        {
            EditedBy = editedBy,
            EditedAt = editedAt,
        };
    }

    private static DateTimeOffset? ReadTimestamp(YamlFields fields, string name)
    {
        var text = fields.OptionalString(name);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, SnippetFile.TimestampFormat, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        fields.Diagnostics.Error(name, $"'{text}' is not a UTC time like 2026-12-05T14:30:00Z");
        return null;
    }

    private static SnippetStatus? ReadStatus(YamlFields fields)
    {
        var text = fields.RequiredString("status");
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<SnippetStatus>(text, ignoreCase: true, out var status) && !int.TryParse(text, out _))
        {
            return status;
        }

        fields.Diagnostics.Error("status", $"'{text}' is not one of draft, approved, retired");
        return null;
    }

    private static SourceRef? ReadSourceRef(YamlFields? fields, IReadOnlyDictionary<string, SourceDocument> sources)
    {
        if (fields is null)
        {
            return null;
        }

        var documentId = fields.RequiredString("document");
        var section = fields.RequiredString("section");
        var quote = fields.RequiredString("quote");
        fields.ReportUnknownFields();
        if (documentId is null || section is null || quote is null)
        {
            return null;
        }

        if (!sources.TryGetValue(documentId, out var document))
        {
            fields.Diagnostics.Error(fields.Path("document"), $"unknown source '{documentId}' (no knowledge/sources/{documentId}.txt)");
            return null;
        }

        if (!document.Contains(quote))
        {
            fields.Diagnostics.Error(fields.Path("quote"), $"does not occur verbatim in source '{documentId}' (whitespace-normalised): \"{quote}\"");
            return null;
        }

        return new SourceRef(documentId, section, quote);
    }
}
