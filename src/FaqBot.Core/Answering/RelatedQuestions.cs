using FaqBot.Core.Knowledge;
using FaqBot.Core.Retrieval;

namespace FaqBot.Core.Answering;

/// <summary>A few other approved snippets a patient may ask next: the runner-up candidates that
/// cleared the answer threshold, then snippets sharing the most tags with the answer.</summary>
internal static class RelatedQuestions
{
    public static IReadOnlyList<string> For(
        KnowledgeBase kb, Snippet answered, IReadOnlyList<Candidate> candidates, double minConfidence, DateOnly today, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        var tags = answered.Tags.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var byTags = kb.Snippets
            .Where(s => s.Id != answered.Id && s.IsServable(today))
            .Select(s => (Snippet: s, Shared: s.Tags.Count(tags.Contains)))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared)
            .ThenBy(x => x.Snippet.Id, StringComparer.Ordinal)
            .Select(x => x.Snippet);
        return candidates
            .Where(c => c.Confidence >= minConfidence)
            .Select(c => c.Snippet)
            .Concat(byTags)
            .Where(s => s.Id != answered.Id)
            .DistinctBy(s => s.Id)
            .Take(count)
            .Select(s => s.Title)
            .ToList();
    }
}
