using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FaqBot.Core.Knowledge.Import;

/// <summary>A Markdown file's text as a reader sees it once rendered: no Markdown syntax left,
/// headings and list items on their own lines, table cells separated by tabs, a YAML front matter
/// block left out. The title is the first level-1 heading.</summary>
internal static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    public static ExtractedText Read(byte[] bytes)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(PlainText.Decode(bytes), Pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.OrdinalIgnoreCase))
        {
            throw Nesting.TooDeep(ex); // Markdig's own limit, reached before the walk below
        }

        var text = new TextLayout();
        string? title = null;
        foreach (var block in document)
        {
            Block(block, text, ref title, 0);
        }

        return new ExtractedText(text.ToString(), title);
    }

    private static void Block(Block block, TextLayout text, ref string? title, int depth)
    {
        Nesting.Check(depth);
        switch (block)
        {
            case YamlFrontMatterBlock or LinkReferenceDefinitionGroup or ThematicBreakBlock:
                text.Paragraph();
                break;
            case HeadingBlock heading:
                text.Paragraph();
                var at = text.Length;
                Inlines(heading.Inline, text, depth + 1);
                if (heading.Level == 1 && title is null)
                {
                    title = text.ToString()[at..].Trim();
                }

                text.Paragraph();
                break;
            case Table table:
                text.Paragraph();
                foreach (var row in table.OfType<TableRow>())
                {
                    var first = true;
                    foreach (var cell in row.OfType<TableCell>())
                    {
                        if (!first)
                        {
                            text.Tab();
                        }

                        first = false;
                        InlineText(cell, text, depth + 1);
                    }

                    text.Break();
                }

                text.Paragraph();
                break;
            case ListBlock list:
                Children(list, text, ref title, depth, paragraph: false);
                break;
            case ListItemBlock item:
                text.Break();
                foreach (var child in item)
                {
                    if (child is ParagraphBlock paragraph)
                    {
                        text.Break();
                        Inlines(paragraph.Inline, text, depth + 1);
                        text.Break();
                    }
                    else
                    {
                        Block(child, text, ref title, depth + 1);
                    }
                }

                text.Break();
                break;
            case ContainerBlock container:
                Children(container, text, ref title, depth, paragraph: true);
                break;
            case HtmlBlock html:
                text.Paragraph();
                text.Verbatim(HtmlText.Read(System.Text.Encoding.UTF8.GetBytes(html.Lines.ToString())).Text);
                text.Paragraph();
                break;
            case CodeBlock code:
                text.Paragraph();
                text.Verbatim(code.Lines.ToString());
                text.Paragraph();
                break;
            case LeafBlock leaf:
                text.Paragraph();
                Inlines(leaf.Inline, text, depth + 1);
                text.Paragraph();
                break;
        }
    }

    /// <summary>A container's blocks, set off as a paragraph or (a list) by line breaks.</summary>
    private static void Children(ContainerBlock container, TextLayout text, ref string? title, int depth, bool paragraph)
    {
        Separate(text, paragraph);
        foreach (var child in container)
        {
            Block(child, text, ref title, depth + 1);
        }

        Separate(text, paragraph);
    }

    private static void Separate(TextLayout text, bool paragraph)
    {
        if (paragraph)
        {
            text.Paragraph();
        }
        else
        {
            text.Break();
        }
    }

    /// <summary>The inline text of every leaf inside a block, on one line (a table cell).</summary>
    private static void InlineText(Block block, TextLayout text, int depth)
    {
        Nesting.Check(depth);
        if (block is LeafBlock leaf)
        {
            Inlines(leaf.Inline, text, depth + 1);
            text.Flow(" ");
        }
        else if (block is ContainerBlock container)
        {
            foreach (var child in container)
            {
                InlineText(child, text, depth + 1);
            }
        }
    }

    private static void Inlines(ContainerInline? container, TextLayout text, int depth)
    {
        Nesting.Check(depth);
        if (container is null)
        {
            return;
        }

        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Flow(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Flow(code.Content);
                    break;
                case LineBreakInline lineBreak when lineBreak.IsHard:
                    text.NewLine();
                    break;
                case LineBreakInline:
                    text.Flow(" ");
                    break;
                case HtmlEntityInline entity:
                    text.Flow(entity.Transcoded.ToString());
                    break;
                case AutolinkInline link:
                    text.Flow(link.Url);
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case ContainerInline inner:
                    Inlines(inner, text, depth + 1);
                    break;
            }
        }
    }
}
