using FaqBot.Core.Knowledge;

namespace FaqBot.Web.Knowledge;

/// <summary>A source document's text cut around a snippet's quote, so the page can highlight the
/// quoted passage in place. The quote is found as the loader finds it (<see cref="Whitespace"/>).</summary>
public sealed record QuotedPassage(string Before, string Quote, string After)
{
    public bool Found => Quote.Length > 0;

    public static QuotedPassage In(string text, string quote) =>
        Whitespace.Find(text, quote) is { } range
            ? new QuotedPassage(text[..range.Start], text[range], text[range.End..])
            : new QuotedPassage(text, "", "");
}
