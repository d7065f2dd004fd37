using FaqBot.Core.Knowledge;

namespace FaqBot.Web.Knowledge;

public enum ReviewState
{
    Current,

    /// <summary>Review due within <see cref="SnippetRow.ExpiringWithinDays"/> days.</summary>
    Expiring,

    /// <summary>Past its review-by date: not served.</summary>
    Expired,
}

/// <summary>One line of the snippet list: the served file (if any) and its pending draft (if any).</summary>
public sealed record SnippetRow(string Id, Snippet? Served, Snippet? Draft, ReviewState Review)
{
    public const int ExpiringWithinDays = 30;

    public Snippet Shown => Draft ?? Served!;

    public static IReadOnlyList<SnippetRow> For(KnowledgeBase kb, DateOnly today)
    {
        var drafts = kb.Drafts.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var rows = kb.Snippets.Select(s => new SnippetRow(s.Id, s, drafts.GetValueOrDefault(s.Id), StateOf(s, today))).ToList();
        var served = rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        rows.AddRange(kb.Drafts.Where(d => !served.Contains(d.Id)).Select(d => new SnippetRow(d.Id, null, d, ReviewState.Current)));
        return [.. rows.OrderBy(r => r.Shown.Title, StringComparer.OrdinalIgnoreCase)];
    }

    public static ReviewState StateOf(Snippet snippet, DateOnly today) =>
        snippet.Status != SnippetStatus.Approved ? ReviewState.Current
        : snippet.ReviewBy < today ? ReviewState.Expired
        : snippet.ReviewBy <= today.AddDays(ExpiringWithinDays) ? ReviewState.Expiring
        : ReviewState.Current;
}
