using System.Text;

namespace FaqBot.Core.Knowledge.Import;

/// <summary>Lays out the text of a structured document (HTML, Markdown, Word) as lines: flowing
/// text with its whitespace collapsed, line breaks between blocks, a blank line between paragraphs
/// and tabs between table cells. Never more than one break where several blocks meet.</summary>
internal sealed class TextLayout
{
    private readonly StringBuilder _text = new();
    private bool _space;

    /// <summary>Text whose runs of whitespace read as one space, and none at the start of a line
    /// (how a browser shows HTML and Markdown text).</summary>
    public void Flow(string text)
    {
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _space = true;
                continue;
            }

            Append(c);
        }
    }

    /// <summary>Text kept exactly as written (preformatted blocks, Word runs).</summary>
    public void Verbatim(string text)
    {
        foreach (var c in text)
        {
            Append(c);
        }
    }

    /// <summary>A forced line break (<c>&lt;br&gt;</c>, a hard Markdown break).</summary>
    public void NewLine()
    {
        _space = false;
        _text.Append('\n');
    }

    /// <summary>Between two cells of a table row.</summary>
    public void Tab()
    {
        _space = false;
        _text.Append('\t');
    }

    /// <summary>Starts a new line unless one was just started.</summary>
    public void Break()
    {
        _space = false;
        if (_text.Length > 0 && _text[^1] != '\n')
        {
            _text.Append('\n');
        }
    }

    /// <summary>Leaves a blank line unless one was just left.</summary>
    public void Paragraph()
    {
        Break();
        if (_text.Length > 1 && _text[^2] != '\n')
        {
            _text.Append('\n');
        }
    }

    public int Length => _text.Length;

    public override string ToString() => _text.ToString();

    private void Append(char c)
    {
        if (_space && _text.Length > 0 && _text[^1] is not ('\n' or '\t' or ' '))
        {
            _text.Append(' ');
        }

        _space = false;
        _text.Append(c);
    }
}
