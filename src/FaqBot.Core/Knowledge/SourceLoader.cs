using System.Security.Cryptography;
using System.Text;

namespace FaqBot.Core.Knowledge;

/// <summary>Reads <c>sources/*.txt</c>: a small YAML header, then the document's text verbatim.
/// An optional <c>sha256</c> in the header pins the text as received, so an edit is caught.</summary>
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
        var sha256 = fields.OptionalString("sha256");
        fields.ReportUnknownFields();

        if (sha256 is not null)
        {
            var actual = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(frontMatter.Body)));
            if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Error("sha256", $"the text differs from the document as received (SHA-256 {actual}); sources are kept verbatim");
            }
        }

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
