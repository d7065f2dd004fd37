namespace FaqBot.Core.Knowledge;

/// <summary>Reads <c>sources/*.txt</c>: a small YAML header, then the document's text verbatim.</summary>
internal static class SourceLoader
{
    public static SourceDocument? Load(string path, string text, FileDiagnostics diagnostics)
    {
        var frontMatter = FrontMatter.Parse(text, diagnostics);
        if (frontMatter is null)
        {
            return null;
        }

        var fields = new YamlFields(frontMatter.Fields, diagnostics);
        var id = fields.RequiredString("id");
        var title = fields.RequiredString("title");
        var publisher = fields.RequiredString("publisher");
        var url = fields.OptionalString("url");
        var received = fields.Date("received", required: true);
        fields.OptionalString("originalFile");
        fields.ReportUnknownFields();

        if (id is not null && id != Path.GetFileNameWithoutExtension(path))
        {
            diagnostics.Error("id", $"'{id}' does not match the file name '{Path.GetFileName(path)}'");
        }

        if (string.IsNullOrWhiteSpace(frontMatter.Body))
        {
            diagnostics.Error("text", "the document has no text after its header");
        }

        return diagnostics.HasErrors || id is null || title is null || publisher is null
            ? null
            : new SourceDocument(id, title, publisher, url, received, frontMatter.Body, diagnostics.File);
    }
}
