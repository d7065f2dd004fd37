using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;

namespace FaqBot.Core.Knowledge.Import;

/// <summary>A PDF's text layer, page by page in reading order: words grouped into blocks
/// (paragraphs, columns), the blocks put in reading order, a blank line between blocks and between
/// pages. A PDF without any text (a scan) is refused. The title is the document's Title property.</summary>
internal static class PdfText
{
    public const string NoTextMessage = "No text found in this PDF: is it a scan? Paste the text instead.";

    public static ExtractedText Read(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var pages = new List<string>();
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords(NearestNeighbourWordExtractor.Instance).Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var blocks = UnsupervisedReadingOrderDetector.Instance.Get(DocstrumBoundingBoxes.Instance.GetBlocks(words));
            pages.Add(string.Join("\n\n", blocks.Select(b => string.Join('\n', b.TextLines.Select(l => l.Text)))));
        }

        if (pages.Count == 0 || pages.All(string.IsNullOrWhiteSpace))
        {
            throw new SourceImportException(SourceImportFailure.NoTextInPdf, NoTextMessage);
        }

        var title = document.Information.Title;
        return new ExtractedText(string.Join("\n\n", pages), string.IsNullOrWhiteSpace(title) ? null : title.Trim());
    }
}
