using System.Text;

namespace FaqBot.Core.Privacy;

/// <summary>Text being redacted, over one or more passes: the current text and where each
/// placeholder put in so far stands, so the kinds can be reported in text order.</summary>
internal sealed class RedactedText(string text)
{
    private List<(int At, RedactionKind Kind)> _placeholders = [];

    public string Text { get; private set; } = text;

    public IReadOnlyList<RedactionKind> Kinds => [.. _placeholders.Select(p => p.Kind)];

    /// <summary>Replaces each detail (in text order, none overlapping) by its placeholder; earlier
    /// placeholders move with the text around them.</summary>
    public void Replace(IReadOnlyList<Detected> details)
    {
        var redacted = new StringBuilder(Text.Length);
        var placeholders = new List<(int At, RedactionKind Kind)>(_placeholders.Count + details.Count);
        var at = 0;
        var earlier = 0;
        foreach (var detail in details)
        {
            for (; earlier < _placeholders.Count && _placeholders[earlier].At < detail.Start; earlier++)
            {
                placeholders.Add((redacted.Length + _placeholders[earlier].At - at, _placeholders[earlier].Kind));
            }

            redacted.Append(Text, at, detail.Start - at);
            placeholders.Add((redacted.Length, detail.Kind));
            redacted.Append(RedactionPlaceholders.For(detail.Kind));
            at = detail.End;

            // A placeholder inside a detail (no finder reports one today) goes with it.
            while (earlier < _placeholders.Count && _placeholders[earlier].At < detail.End)
            {
                earlier++;
            }
        }

        for (; earlier < _placeholders.Count; earlier++)
        {
            placeholders.Add((redacted.Length + _placeholders[earlier].At - at, _placeholders[earlier].Kind));
        }

        redacted.Append(Text, at, Text.Length - at);
        Text = redacted.ToString();
        _placeholders = placeholders;
    }
}
