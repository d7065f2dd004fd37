using System.Buffers;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Text;

namespace FaqBot.Core.Retrieval;

/// <summary>
/// The lexical index over approved snippets. Each snippet's title and questions are matched one by
/// one (the way CQA matches alternate questions); its answer text and tags lend support. Terms are
/// Lucene-analysed and weighted by BM25's inverse document frequency over snippets, so a word that
/// nearly every snippet uses ("ketamine") counts for little and a word no snippet uses ("insurance")
/// counts for the most: a question that is mostly about something unknown cannot reach the threshold.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Snapshots are shared by in-flight questions and never disposed; the analyzer holds only per-thread reusable token streams.")]
public sealed class SnippetIndex
{
    private const float LightWordFactor = 0.2f;

    private readonly Snippet[] _snippets;
    private readonly FaqAnalyzer _analyzer;
    private readonly Dictionary<string, string> _synonyms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lightTerms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _surfaceTerms = new(StringComparer.Ordinal);
    private readonly FuzzyLexicon _lexicon;
    private readonly float[] _weights;
    private readonly float _unknownWeight;
    private readonly int[] _questionSnippet;
    private readonly string[] _questionText;
    private readonly float[] _questionWeight;
    private readonly int[][] _questionPostings;
    private readonly int[][] _snippetPostings;

    public SnippetIndex(IReadOnlyList<Snippet> snippets, RetrievalVocabulary vocabulary)
    {
        _snippets = [.. snippets];
        _analyzer = new FaqAnalyzer(vocabulary.StopWords);
        foreach (var group in vocabulary.Synonyms)
        {
            var canonical = _analyzer.TermOf(group[0]);
            foreach (var member in group.Skip(1).Select(_analyzer.TermOf).OfType<string>())
            {
                if (canonical is not null && member != canonical)
                {
                    _synonyms[member] = canonical;
                }
            }
        }

        foreach (var term in vocabulary.LightWords.Select(_analyzer.TermOf).OfType<string>())
        {
            _lightTerms.Add(Canonical(term));
        }

        var surfaceCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var questionTerms = new List<int[]>();
        var questionSnippet = new List<int>();
        var questionText = new List<string>();
        var snippetTerms = new List<HashSet<int>>();
        for (var s = 0; s < _snippets.Length; s++)
        {
            var snippet = _snippets[s];
            var all = new HashSet<int>();
            foreach (var question in snippet.MatchableQuestions)
            {
                var ids = Terms(question, surfaceCounts);
                questionTerms.Add([.. ids]);
                questionSnippet.Add(s);
                questionText.Add(question);
                all.UnionWith(ids);
            }

            all.UnionWith(Terms(snippet.Body, surfaceCounts));
            all.UnionWith(Terms(string.Join(' ', snippet.Tags.Select(t => t.Replace('-', ' '))), surfaceCounts));
            snippetTerms.Add(all);
        }

        var documentFrequency = new int[_termIds.Count];
        var snippetPostings = new List<int>[_termIds.Count];
        for (var t = 0; t < snippetPostings.Length; t++)
        {
            snippetPostings[t] = [];
        }

        for (var s = 0; s < snippetTerms.Count; s++)
        {
            foreach (var t in snippetTerms[s])
            {
                documentFrequency[t]++;
                snippetPostings[t].Add(s);
            }
        }

        var n = _snippets.Length;
        var names = new string[_termIds.Count];
        foreach (var (term, id) in _termIds)
        {
            names[id] = term;
        }

        _weights = new float[_termIds.Count];
        for (var t = 0; t < _weights.Length; t++)
        {
            _weights[t] = Idf(n, documentFrequency[t]) * (_lightTerms.Contains(names[t]) ? LightWordFactor : 1f);
        }

        _unknownWeight = Idf(n, 0);
        _snippetPostings = [.. snippetPostings.Select(p => p.ToArray())];

        var questionPostings = new List<int>[_termIds.Count];
        for (var t = 0; t < questionPostings.Length; t++)
        {
            questionPostings[t] = [];
        }

        _questionWeight = new float[questionTerms.Count];
        for (var q = 0; q < questionTerms.Count; q++)
        {
            foreach (var t in questionTerms[q])
            {
                questionPostings[t].Add(q);
                _questionWeight[q] += _weights[t];
            }
        }

        _questionPostings = [.. questionPostings.Select(p => p.ToArray())];
        _questionSnippet = [.. questionSnippet];
        _questionText = [.. questionText];
        _lexicon = new FuzzyLexicon(surfaceCounts);
    }

    public int SnippetCount => _snippets.Length;

    public int TermCount => _termIds.Count;

    /// <summary>Reads a question into weighted terms: stems, synonyms, and typos corrected to the
    /// nearest word the approved snippets use.</summary>
    public List<QueryTerm> ReadQuestion(string question)
    {
        var tokens = _analyzer.Analyze(question);
        var terms = new List<QueryTerm>(tokens.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            var term = Canonical(token.Term);
            string? correctedFrom = null;
            if (!_termIds.ContainsKey(term))
            {
                var written = question[token.Start..token.End].ToLowerInvariant();
                if (!EnglishWords.Contains(written)
                    && _lexicon.TryCorrect(written, out var correction, out _)
                    && _surfaceTerms.TryGetValue(correction, out var corrected))
                {
                    correctedFrom = written;
                    term = corrected;
                }
            }

            if (!seen.Add(term))
            {
                continue;
            }

            var known = _termIds.TryGetValue(term, out var id);
            var weight = known ? _weights[id] : _unknownWeight * (_lightTerms.Contains(term) ? LightWordFactor : 1f);
            terms.Add(new QueryTerm(term, known ? id : -1, weight, correctedFrom));
        }

        return terms;
    }

    /// <summary>
    /// Ranks servable snippets. A stored question's confidence is the share of the patient's question
    /// it explains (query coverage: matched term weight over the question's total, with partial credit
    /// for terms found only in the snippet's answer, tags or other questions), lowered when the stored
    /// question has much that the patient did not ask about (question coverage raised to
    /// <see cref="RetrievalScoring.QuestionCoverageExponent"/>). A snippet scores as its best question,
    /// and a confidence never exceeds its query coverage.
    /// </summary>
    public RetrievalResult Search(string question, DateOnly today, RetrievalScoring scoring, int maxCandidates)
    {
        var terms = ReadQuestion(question);
        var queryWeight = 0f;
        foreach (var term in terms)
        {
            queryWeight += term.Weight;
        }

        if (queryWeight <= 0f)
        {
            return new RetrievalResult(terms, []);
        }

        var questionAcc = ArrayPool<float>.Shared.Rent(_questionWeight.Length);
        var snippetAcc = ArrayPool<float>.Shared.Rent(_snippets.Length);
        var best = ArrayPool<float>.Shared.Rent(_snippets.Length);
        var bestQuestion = ArrayPool<int>.Shared.Rent(_snippets.Length);
        try
        {
            Array.Clear(questionAcc, 0, _questionWeight.Length);
            Array.Clear(snippetAcc, 0, _snippets.Length);
            Array.Clear(best, 0, _snippets.Length);
            foreach (var term in terms)
            {
                if (!term.IsKnown)
                {
                    continue;
                }

                foreach (var q in _questionPostings[term.Id])
                {
                    questionAcc[q] += term.Weight;
                }

                foreach (var s in _snippetPostings[term.Id])
                {
                    snippetAcc[s] += term.Weight;
                }
            }

            var exponent = scoring.QuestionCoverageExponent;
            for (var q = 0; q < _questionWeight.Length; q++)
            {
                var matched = questionAcc[q];
                if (matched <= 0f)
                {
                    continue;
                }

                var s = _questionSnippet[q];
                var support = Math.Max(0f, snippetAcc[s] - matched) * scoring.SupportWeight;
                var queryCoverage = Math.Min(1.0, (matched + support) / queryWeight);
                if (queryCoverage <= best[s])
                {
                    continue; // the confidence never exceeds the query coverage
                }

                var questionCoverage = Math.Min(1.0, matched / _questionWeight[q]);
                var confidence = (float)(queryCoverage * Math.Pow(questionCoverage, exponent));
                if (confidence > best[s])
                {
                    best[s] = confidence;
                    bestQuestion[s] = q;
                }
            }

            return new RetrievalResult(terms, TopCandidates(best, bestQuestion, today, maxCandidates));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(questionAcc);
            ArrayPool<float>.Shared.Return(snippetAcc);
            ArrayPool<float>.Shared.Return(best);
            ArrayPool<int>.Shared.Return(bestQuestion);
        }
    }

    private List<Candidate> TopCandidates(float[] best, int[] bestQuestion, DateOnly today, int max)
    {
        var top = new List<(int Snippet, float Confidence)>(max + 1);
        for (var s = 0; s < _snippets.Length; s++)
        {
            var confidence = best[s];
            if (confidence <= 0f || (top.Count == max && confidence <= top[^1].Confidence) || !_snippets[s].IsServable(today))
            {
                continue;
            }

            var at = top.Count;
            while (at > 0 && confidence > top[at - 1].Confidence)
            {
                at--;
            }

            top.Insert(at, (s, confidence));
            if (top.Count > max)
            {
                top.RemoveAt(max);
            }
        }

        return top.ConvertAll(c => new Candidate(_snippets[c.Snippet], Math.Round(c.Confidence, 4), _questionText[bestQuestion[c.Snippet]]));
    }

    private HashSet<int> Terms(string text, Dictionary<string, int> surfaceCounts)
    {
        var ids = new HashSet<int>();
        foreach (var token in _analyzer.Analyze(text))
        {
            var term = Canonical(token.Term);
            if (!_termIds.TryGetValue(term, out var id))
            {
                _termIds[term] = id = _termIds.Count;
            }

            ids.Add(id);
            var surface = text[token.Start..token.End].ToLowerInvariant();
            surfaceCounts[surface] = surfaceCounts.GetValueOrDefault(surface) + 1;
            _surfaceTerms.TryAdd(surface, term);
        }

        return ids;
    }

    private string Canonical(string term) => _synonyms.GetValueOrDefault(term, term);

    /// <summary>BM25's inverse document frequency, always positive.</summary>
    private static float Idf(int snippets, int documentFrequency) =>
        (float)Math.Log(1 + (snippets - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/// <summary>The shape of the confidence function (see <see cref="SnippetIndex.Search"/>).</summary>
public readonly record struct RetrievalScoring(double QuestionCoverageExponent, double SupportWeight);
