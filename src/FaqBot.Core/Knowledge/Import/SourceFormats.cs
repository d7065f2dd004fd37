namespace FaqBot.Core.Knowledge.Import;

/// <summary>The kinds of file a source can be imported from, chosen by the file name's extension.</summary>
public static class SourceFormats
{
    internal static IReadOnlyList<SourceFormat> All { get; } =
    [
        new("PDF", [".pdf"], PdfText.Read),
        new("Word", [".docx"], DocxText.Read),
        new("HTML", [".html", ".htm"], HtmlText.Read),
        new("Markdown", [".md", ".markdown"], MarkdownText.Read),
        new("text", [".txt"], PlainText.Read),
    ];

    /// <summary>Every extension accepted, with its dot: .pdf, .docx, .html, .htm, .md, .markdown, .txt.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [.. All.SelectMany(f => f.Extensions)];

    internal static SourceFormat? Find(IReadOnlyList<SourceFormat> formats, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return formats.FirstOrDefault(f => f.Extensions.Contains(extension, StringComparer.Ordinal));
    }
}
