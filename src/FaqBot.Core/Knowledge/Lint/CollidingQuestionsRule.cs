using System.Globalization;

namespace FaqBot.Core.Knowledge.Lint;

/// <summary>
/// <c>colliding-questions</c> (warning): a title or question of one snippet that the bot cannot
/// tell apart from one of another snippet. Two tests, each reported once per pair:
/// <list type="number">
/// <item><b>Same content terms.</b> Each title and question of the approved and draft snippets is
/// read the way retrieval reads it (<see cref="TermReader.ContentTerms"/>: stems, stop words and
/// light words out, synonyms as their group's first word). Two texts of different snippets collide
/// when they share at least <see cref="MinSharedTerms"/> content terms and their Jaccard similarity
/// (shared terms over all terms) is at least <see cref="MinJaccard"/>: with four terms or fewer
/// that means the same terms, with five or more it allows one term of difference. Measured on the
/// shipped knowledge: the closest pair of different snippets is 0.75 ("What is the first step to
/// get started with ketamine treatment?" and "Can you walk me through my first ketamine session
/// step by step?"). Reported on the text of the later file, naming the other.</item>
/// <item><b>Retrieval ranks another snippet first.</b> Each title and question of an approved,
/// served snippet is asked of the live index (<see cref="Retrieval.SnippetIndex.Search"/> with the
/// configured scoring); another snippet ranked at or above the snippet itself collides (asked its
/// own question, a snippet scores 1.0, so only a question with nothing but the other's words, or a
/// light-word-only duplicate the first test ignores, gets there). Measured on the shipped
/// knowledge: the closest runner-up is 0.85 against 1.0.</item>
/// </list>
/// A pair found from both sides, or by both tests, is reported once.
/// </summary>
internal static class CollidingQuestionsRule
{
    public const double MinJaccard = 0.8;
    public const int MinSharedTerms = 2;

    public static IEnumerable<LintFinding> Check(LintContext context)
    {
        var texts = context.Reviewed
            .SelectMany(s => Texts(s).Select(t => (Snippet: s, t.Field, t.Text, Terms: context.Terms.ContentTerms(t.Text))))
            .ToList();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var a = 0; a < texts.Count; a++)
        {
            for (var b = a + 1; b < texts.Count; b++)
            {
                var (first, second) = (texts[a], texts[b]);
                if (first.Snippet.Id == second.Snippet.Id)
                {
                    continue;
                }

                var shared = first.Terms.Count(second.Terms.Contains);
                var jaccard = shared == 0 ? 0 : (double)shared / (first.Terms.Count + second.Terms.Count - shared);
                if (shared < MinSharedTerms || jaccard < MinJaccard)
                {
                    continue;
                }

                reported.Add(Pair(first.Snippet, first.Text, second.Snippet, second.Text));
                var terms = string.Join(", ", first.Terms.Intersect(second.Terms).Order(StringComparer.Ordinal));
                yield return LintFinding.Warning(LintRules.CollidingQuestions, second.Snippet.File, second.Field,
                    $"\"{second.Text}\" reads the same as {first.Snippet.File} {first.Field} \"{first.Text}\" "
                    + $"(shared terms: {terms}; Jaccard {jaccard.ToString("0.00", CultureInfo.InvariantCulture)}): the bot cannot tell them apart");
            }
        }

        foreach (var snippet in context.Reviewed.Where(s => s.IsServable(context.Today)))
        {
            foreach (var (field, text) in Texts(snippet))
            {
                var candidates = context.Knowledge.Index.Search(text, context.Today, context.Scoring, context.Settings.Retrieval.MaxCandidates).Candidates;
                var own = candidates.FirstOrDefault(c => c.Snippet.Id == snippet.Id)?.Confidence ?? 0.0;
                foreach (var rival in candidates.Where(c => c.Snippet.Id != snippet.Id && c.Confidence >= own))
                {
                    if (reported.Add(Pair(snippet, text, rival.Snippet, rival.MatchedQuestion)))
                    {
                        yield return LintFinding.Warning(LintRules.CollidingQuestions, snippet.File, field,
                            $"\"{text}\": retrieval ranks {rival.Snippet.File} ({Score(rival.Confidence)}, matching \"{rival.MatchedQuestion}\") "
                            + $"at or above this snippet ({Score(own)}): the bot cannot tell them apart");
                    }
                }
            }
        }
    }

    /// <summary>What retrieval matches a question against: the title, then each question.</summary>
    private static IEnumerable<(string Field, string Text)> Texts(Snippet snippet) =>
        snippet.Questions.Select((q, i) => ($"questions[{i}]", q)).Prepend(("title", snippet.Title));

    /// <summary>One key for a pair of texts, whichever side found it.</summary>
    private static string Pair(Snippet a, string aText, Snippet b, string bText)
    {
        var (x, y) = ($"{a.Id}\n{aText}", $"{b.Id}\n{bText}");
        return string.CompareOrdinal(x, y) < 0 ? x + "\n\n" + y : y + "\n\n" + x;
    }

    private static string Score(double confidence) => confidence.ToString("0.###", CultureInfo.InvariantCulture);
}
