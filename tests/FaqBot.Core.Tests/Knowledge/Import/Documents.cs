using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace FaqBot.Core.Tests.Knowledge.Import;

/// <summary>Test documents of every importable kind, built in memory.</summary>
internal static class Documents
{
    /// <summary>A PDF with a text layer: each page's lines written top down in Helvetica.</summary>
    public static byte[] Pdf(string? title, params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        if (title is not null)
        {
            builder.DocumentInformation.Title = title;
        }

        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new PdfPoint(50, y), font);
                y -= 16;
            }
        }

        return builder.Build();
    }

    /// <summary>A PDF whose only page holds a drawing and no text, as a scan would.</summary>
    public static byte[] PdfWithoutText()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 400, 600, 2, fill: true);
        return builder.Build();
    }

    /// <summary>A Word document: the paragraphs, then a table of the rows.</summary>
    public static byte[] Docx(string? title, string[] paragraphs, string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            if (title is not null)
            {
                document.PackageProperties.Title = title;
            }

            var body = new Body();
            foreach (var text in paragraphs)
            {
                body.Append(Paragraph(text));
            }

            var table = new Table();
            foreach (var cells in rows)
            {
                var row = new TableRow();
                foreach (var cell in cells)
                {
                    row.Append(new TableCell(Paragraph(cell)));
                }

                table.Append(row);
            }

            body.Append(table, Paragraph("After the table."));
            document.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph of one run, or of two runs when the text has a '|' (split there).</summary>
    private static Paragraph Paragraph(string text) =>
        new([.. text.Split('|').Select(part => new Run(new WordText(part) { Space = SpaceProcessingModeValues.Preserve }))]);

    public static byte[] Utf8(string text, bool bom = false) =>
        bom ? [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    /// <summary>Bytes of an image file, not text: NULs and bytes that are not UTF-8.</summary>
    public static byte[] Binary() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0xFF, 0xFE, 0x10, 0x00, 0x81];
}
