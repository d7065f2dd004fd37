using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FaqBot.Core.Knowledge.Import;

/// <summary>An HTML page's text as a reader sees it: scripts, styles, navigation, page headers and
/// footers, asides, forms and hidden elements are left out; block elements start new lines and
/// table cells are separated by tabs. The title is the page's <c>&lt;title&gt;</c>, else its first
/// <c>h1</c>.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "head", "script", "style", "noscript", "template", "svg", "math", "nav", "header", "footer", "aside", "form",
        "iframe", "object", "embed", "canvas", "audio", "video", "img", "button", "select", "input", "textarea",
    };

    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "figure", "hr", "address", "details",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "div", "section", "article", "main", "li", "dt", "dd", "tr", "caption", "figcaption", "summary", "fieldset", "legend",
        "center", "body", "html", "thead", "tbody", "tfoot",
    };

    public static ExtractedText Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var document = new HtmlParser().ParseDocument(stream);
        var text = new TextLayout();
        Walk(document.Body ?? document.DocumentElement, text, preformatted: false, depth: 0);
        return new ExtractedText(text.ToString(), Title(document));
    }

    private static string? Title(IDocument document)
    {
        var title = OneLine(document.Title);
        return title ?? OneLine(document.QuerySelector("h1")?.TextContent);
    }

    private static string? OneLine(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void Walk(INode node, TextLayout text, bool preformatted, int depth)
    {
        Nesting.Check(depth);
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText run when preformatted:
                    text.Verbatim(run.Data);
                    break;
                case IText run:
                    text.Flow(run.Data);
                    break;
                case IElement element when !IsHidden(element):
                    Element(element, text, preformatted, depth);
                    break;
            }
        }
    }

    private static void Element(IElement element, TextLayout text, bool preformatted, int depth)
    {
        var name = element.LocalName;
        if (name == "br")
        {
            text.NewLine();
            return;
        }

        if (name is "td" or "th")
        {
            if (element.PreviousElementSibling is not null)
            {
                text.Tab();
            }

            Walk(element, text, preformatted, depth + 1);
            return;
        }

        var paragraph = Paragraphs.Contains(name);
        var block = paragraph || Blocks.Contains(name);
        Around(text, paragraph, block);
        Walk(element, text, preformatted || name == "pre", depth + 1);
        Around(text, paragraph, block);
    }

    private static void Around(TextLayout text, bool paragraph, bool block)
    {
        if (paragraph)
        {
            text.Paragraph();
        }
        else if (block)
        {
            text.Break();
        }
    }

    private static bool IsHidden(IElement element) =>
        Skipped.Contains(element.LocalName)
        || element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
