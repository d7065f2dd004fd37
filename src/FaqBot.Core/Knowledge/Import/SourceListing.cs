namespace FaqBot.Core.Knowledge.Import;

/// <summary>One source as staff see it in a list.</summary>
/// <param name="Id">The source id (its file name).</param>
/// <param name="Title">The header's title.</param>
/// <param name="Publisher">The header's publisher.</param>
/// <param name="Received">The day it was received, if the header gives one.</param>
/// <param name="TextLength">Characters of text.</param>
/// <param name="Served">Snippets served today (approved, review not past) that quote it.</param>
/// <param name="Drafts">Drafts that quote it: snippets whose status is draft, and pending
/// <c>.draft.md</c> files.</param>
public sealed record SourceSummary(string Id, string Title, string Publisher, DateOnly? Received, int TextLength, int Served, int Drafts);

/// <summary>Every source of a loaded knowledge folder, with the snippets that quote it (as their
/// source or in <c>seeAlso</c>).</summary>
public static class SourceListing
{
    public static IReadOnlyList<SourceSummary> List(KnowledgeBase knowledge, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return
        [
            .. knowledge.Sources.Values.OrderBy(s => s.Id, StringComparer.Ordinal).Select(source => new SourceSummary(
                source.Id, source.Title, source.Publisher, source.Received, source.Text.Length,
                knowledge.Snippets.Count(s => s.IsServable(today) && Quotes(s, source.Id)),
                knowledge.Snippets.Count(s => s.Status == SnippetStatus.Draft && Quotes(s, source.Id)) + knowledge.Drafts.Count(s => Quotes(s, source.Id)))),
        ];
    }

    private static bool Quotes(Snippet snippet, string sourceId) => snippet.AllSources.Any(s => s.DocumentId == sourceId);
}
