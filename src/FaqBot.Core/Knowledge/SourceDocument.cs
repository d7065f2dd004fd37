namespace FaqBot.Core.Knowledge;

/// <summary>A clinic document kept verbatim under <c>knowledge/sources/</c>.</summary>
public sealed record SourceDocument(
    string Id,
    string Title,
    string Publisher,
    string? Url,
    DateOnly? Received,
    string Text,
    string File)
{
    private readonly string _searchText = Whitespace.Normalize(Text);

    /// <summary>Whether the quote occurs in the document, ignoring differences in whitespace only.</summary>
    public bool Contains(string quote) => _searchText.Contains(Whitespace.Normalize(quote), StringComparison.Ordinal);
}
