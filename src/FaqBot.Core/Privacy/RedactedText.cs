using System.Text;

namespace FaqBot.Core.Privacy;

/// <summary>Text being redacted, over one or more passes: the current text, where each
/// placeholder put in so far stands, and which part of the original text it replaced, so the
/// kinds and the redacted spans can be reported in text order.</summary>
internal sealed class RedactedText(string text)
{
    private List<Placeholder> _placeholders = [];

    public string Text { get; private set; } = text;

    public IReadOnlyList<RedactionKind> Kinds => [.. _placeholders.Select(p => p.Kind)];

    /// <summary>Where each removed detail stood in the original text, in text order.</summary>
    public IReadOnlyList<RedactedSpan> Spans => [.. _placeholders.Select(p => new RedactedSpan(p.OriginalStart, p.OriginalEnd - p.OriginalStart, p.Kind))];

    /// <summary>Replaces each detail (in text order, none overlapping) by its placeholder; earlier
    /// placeholders move with the text around them, and one inside a detail merges into it.</summary>
    public void Replace(IReadOnlyList<Detected> details)
    {
        var redacted = new StringBuilder(Text.Length);
        var placeholders = new List<Placeholder>(_placeholders.Count + details.Count);
        var at = 0;
        var earlier = 0;
        foreach (var detail in details)
        {
            for (; earlier < _placeholders.Count && _placeholders[earlier].At < detail.Start; earlier++)
            {
                placeholders.Add(_placeholders[earlier] with { At = redacted.Length + _placeholders[earlier].At - at });
            }

            redacted.Append(Text, at, detail.Start - at);
            placeholders.Add(new Placeholder(redacted.Length, detail.Kind, ToOriginal(detail.Start, start: true), ToOriginal(detail.End, start: false)));
            redacted.Append(RedactionPlaceholders.For(detail.Kind));
            at = detail.End;

            while (earlier < _placeholders.Count && _placeholders[earlier].At < detail.End)
            {
                earlier++;
            }
        }

        for (; earlier < _placeholders.Count; earlier++)
        {
            placeholders.Add(_placeholders[earlier] with { At = redacted.Length + _placeholders[earlier].At - at });
        }

        redacted.Append(Text, at, Text.Length - at);
        Text = redacted.ToString();
        _placeholders = placeholders;
    }

    /// <summary>The original offset of <paramref name="position"/> in the current text; a position
    /// inside a placeholder stands for the whole detail it replaced.</summary>
    private int ToOriginal(int position, bool start)
    {
        var shift = 0;
        foreach (var placeholder in _placeholders)
        {
            var end = placeholder.At + placeholder.Length;
            if (end <= position)
            {
                shift += placeholder.OriginalEnd - placeholder.OriginalStart - placeholder.Length;
            }
            else if (placeholder.At < position)
            {
                return start ? placeholder.OriginalStart : placeholder.OriginalEnd;
            }
            else
            {
                break;
            }
        }

        return position + shift;
    }

    private readonly record struct Placeholder(int At, RedactionKind Kind, int OriginalStart, int OriginalEnd)
    {
        public int Length => RedactionPlaceholders.For(Kind).Length;
    }
}
