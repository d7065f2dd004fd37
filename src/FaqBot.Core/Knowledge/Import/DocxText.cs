using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace FaqBot.Core.Knowledge.Import;

/// <summary>A Word (.docx) document's text: each paragraph on its own line, tables row by row with
/// tabs between cells. Deleted tracked changes and field codes are left out. The title is the
/// document's Title property.</summary>
internal static class DocxText
{
    public static ExtractedText Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("The document has no body.");
        var text = new TextLayout();
        Blocks(body, text);
        var title = document.PackageProperties.Title;
        return new ExtractedText(text.ToString(), string.IsNullOrWhiteSpace(title) ? null : title.Trim());
    }

    private static void Blocks(OpenXmlElement container, TextLayout text)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    text.Break();
                    Runs(paragraph, text);
                    text.Break();
                    break;
                case Table table:
                    text.Break();
                    foreach (var row in table.Elements<TableRow>())
                    {
                        Row(row, text);
                    }

                    text.Break();
                    break;
                case SdtBlock or CustomXmlBlock or SdtContentBlock:
                    Blocks(element, text);
                    break;
            }
        }
    }

    private static void Row(TableRow row, TextLayout text)
    {
        text.Break();
        var first = true;
        foreach (var cell in row.Descendants<TableCell>().Where(c => c.Ancestors<TableRow>().First() == row))
        {
            if (!first)
            {
                text.Tab();
            }

            first = false;
            foreach (var paragraph in cell.Descendants<Paragraph>().Where(p => !p.Ancestors<Paragraph>().Any()))
            {
                Runs(paragraph, text);
                text.Flow(" ");
            }
        }

        text.Break();
    }

    private static void Runs(OpenXmlElement paragraph, TextLayout text)
    {
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case WordText run:
                    text.Verbatim(run.Text);
                    break;
                case TabChar:
                    text.Verbatim("\t");
                    break;
                case Break or CarriageReturn:
                    text.NewLine();
                    break;
                case NoBreakHyphen:
                    text.Verbatim("-");
                    break;
            }
        }
    }
}
