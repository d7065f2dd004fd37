using System.Text;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Text;

namespace FaqBot.Storage.Transcripts;

/// <summary>Similar unanswered questions: a question that stands for them, how many were asked,
/// up to <see cref="UnansweredReport.MaxExamples"/> different wordings (newest first) and when
/// the first and last were asked.</summary>
public sealed record UnansweredGroup(
    string Representative,
    int Count,
    IReadOnlyList<UnansweredQuestion> Examples,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);

/// <summary>
/// Groups unanswered questions so staff know which snippets to write next.
/// <para>Terms: each question is read the way retrieval reads it (<see cref="FaqAnalyzer"/>: lower
/// case, ASCII folding, the vocabulary's stop words dropped, Porter stems), synonyms become their
/// group's first word, and stems are cut to <see cref="PrefixLength"/> letters so that word forms
/// Porter keeps apart still meet ("pregnancy", "pregnant").</para>
/// <para>Weights: what a question is about is what the knowledge base does not cover, so a term
/// weighs its inverse document frequency over the known texts (the approved snippets), scaled to
/// 1 for a term they never use: "insurance" weighs 1, "infusion" next to nothing. Light words
/// ("what", "how") weigh <see cref="LightWeight"/> of that.</para>
/// <para>Similarity: the cosine of two questions' weighted term sets. Identical term sets are merged
/// first; the distinct ones, most asked first, then join the group whose members they resemble
/// most on average (average linkage) when that is at least the threshold, or start a group. The
/// question standing for a group is the most common wording of its most central member. The
/// result does not depend on the order of the input.</para>
/// </summary>
public static class UnansweredReport
{
    /// <summary>Mean cosine similarity a question needs with a group's members to join it.</summary>
    public const double DefaultThreshold = 0.35;

    public const int MaxExamples = 5;

    public const int PrefixLength = 6;

    public const double LightWeight = 0.25;

    /// <summary>Groups the questions, weighting terms by the knowledge base's approved snippets.</summary>
    public static IReadOnlyList<UnansweredGroup> Group(
        IEnumerable<UnansweredQuestion> questions, KnowledgeBase knowledge, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var known = knowledge.Snippets
            .Where(s => s.Status == SnippetStatus.Approved)
            .Select(s => string.Join('\n', s.MatchableQuestions.Append(s.Body).Concat(s.Tags)));
        return Group(questions, knowledge.Vocabulary, known, threshold);
    }

    /// <param name="questions">The unanswered questions, in any order.</param>
    /// <param name="vocabulary">Stop words, light words and synonyms.</param>
    /// <param name="knownTexts">What the bot already answers (one text per snippet); a term they use
    /// often counts for little. Empty: every term weighs the same.</param>
    /// <param name="threshold">Mean similarity to join a group, in (0, 1].</param>
    public static IReadOnlyList<UnansweredGroup> Group(
        IEnumerable<UnansweredQuestion> questions, RetrievalVocabulary vocabulary, IEnumerable<string> knownTexts, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(knownTexts);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1.0);

        var forms = Read(questions, vocabulary, knownTexts);
        var clusters = new List<List<Form>>();
        // Only a group with a member sharing a term can reach the threshold.
        var clustersByTerm = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            var best = -1;
            var bestScore = 0.0;
            var candidates = form.Terms.Keys.SelectMany(t => clustersByTerm.GetValueOrDefault(t) ?? []).Distinct().Order();
            foreach (var c in candidates)
            {
                var score = clusters[c].Average(member => Similarity(form, member));
                if (score >= threshold && score > bestScore)
                {
                    (best, bestScore) = (c, score);
                }
            }

            if (best < 0)
            {
                best = clusters.Count;
                clusters.Add([]);
            }

            clusters[best].Add(form);
            foreach (var term in form.Terms.Keys)
            {
                if (!clustersByTerm.TryGetValue(term, out var set))
                {
                    clustersByTerm[term] = set = [];
                }

                set.Add(best);
            }
        }

        return [.. clusters.Select(Summarize)
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g.LastSeen)
            .ThenBy(g => g.Representative, StringComparer.Ordinal)];
    }

    /// <summary>The cosine of two weighted term sets. A question without any term resembles none
    /// (the same words were already merged into one form).</summary>
    private static double Similarity(Form a, Form b)
    {
        if (a.Norm == 0 || b.Norm == 0)
        {
            return 0.0;
        }

        var shared = 0.0;
        foreach (var (term, weight) in a.Terms)
        {
            if (b.Terms.ContainsKey(term))
            {
                shared += weight * weight;
            }
        }

        return shared / (a.Norm * b.Norm);
    }

    /// <summary>The questions merged by term set, most asked first (then earliest, then by key, so
    /// the grouping does not depend on the input order).</summary>
    private static List<Form> Read(IEnumerable<UnansweredQuestion> questions, RetrievalVocabulary vocabulary, IEnumerable<string> knownTexts)
    {
        using var analyzer = new FaqAnalyzer(vocabulary.StopWords);
        var synonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in vocabulary.Synonyms)
        {
            if (analyzer.TermOf(group[0]) is not { } head)
            {
                continue;
            }

            foreach (var member in group.Skip(1).Select(analyzer.TermOf).OfType<string>())
            {
                synonyms.TryAdd(member, head);
            }
        }

        var light = vocabulary.LightWords.Select(analyzer.TermOf).OfType<string>().Select(Cut).ToHashSet(StringComparer.Ordinal);
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = 0;
        foreach (var text in knownTexts)
        {
            documents++;
            foreach (var term in Terms(text))
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        var forms = new Dictionary<string, Form>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            var terms = Terms(question.Question);
            var key = terms.Count > 0 ? string.Join(' ', terms) : "\0" + Wording(question.Question);
            if (!forms.TryGetValue(key, out var form))
            {
                forms[key] = form = new Form(key, terms.ToDictionary(t => t, Weight, StringComparer.Ordinal));
            }

            form.Questions.Add(question);
        }

        return [.. forms.Values
            .OrderByDescending(f => f.Questions.Count)
            .ThenBy(f => f.Questions.Min(q => q.At))
            .ThenBy(f => f.Key, StringComparer.Ordinal)];

        SortedSet<string> Terms(string text) =>
            new(analyzer.Analyze(text).Select(t => Cut(synonyms.GetValueOrDefault(t.Term, t.Term))), StringComparer.Ordinal);

        // BM25's inverse document frequency, scaled so that a term no known text uses weighs 1.
        double Weight(string term) =>
            (light.Contains(term) ? LightWeight : 1.0) * Idf(documentFrequency.GetValueOrDefault(term)) / Idf(0);

        double Idf(int frequency) => Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));

        static string Cut(string term) => term.Length > PrefixLength ? term[..PrefixLength] : term;
    }

    private static UnansweredGroup Summarize(List<Form> members)
    {
        // The most central member: the greatest similarity to the group, each member counted as
        // often as it was asked; ties go to the member asked most (members are in that order).
        var central = members
            .Select((m, i) => (Member: m, Order: i, Score: members.Sum(o => o.Questions.Count * Similarity(m, o))))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Order)
            .First().Member;
        var representative = central.Questions
            .GroupBy(q => Wording(q.Question), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Min(q => q.At))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().OrderBy(q => q.At).First().Question.Trim();

        var all = members.SelectMany(m => m.Questions).ToList();
        var examples = all
            .OrderByDescending(q => q.At)
            .ThenBy(q => q.Question, StringComparer.Ordinal)
            .ThenBy(q => q.ConversationId, StringComparer.Ordinal)
            .DistinctBy(q => Wording(q.Question), StringComparer.Ordinal)
            .Take(MaxExamples)
            .ToList();
        return new UnansweredGroup(representative, all.Count, examples, all.Min(q => q.At), all.Max(q => q.At));
    }

    /// <summary>A question's words, up to case, spacing and punctuation.</summary>
    private static string Wording(string question)
    {
        var words = new StringBuilder(question.Length);
        foreach (var c in question)
        {
            if (char.IsLetterOrDigit(c))
            {
                words.Append(char.ToLowerInvariant(c));
            }
            else if (words.Length > 0 && words[^1] != ' ')
            {
                words.Append(' ');
            }
        }

        return words.ToString().TrimEnd();
    }

    private sealed class Form(string key, Dictionary<string, double> terms)
    {
        public string Key { get; } = key;

        public Dictionary<string, double> Terms { get; } = terms;

        public double Norm { get; } = Math.Sqrt(terms.Values.Sum(w => w * w));

        public List<UnansweredQuestion> Questions { get; } = [];
    }
}
