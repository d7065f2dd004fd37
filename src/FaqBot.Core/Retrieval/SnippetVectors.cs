using FaqBot.Core.Embeddings;
using FaqBot.Core.Generation;
using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Retrieval;

/// <summary>
/// The sentence vectors of one knowledge snapshot's snippets: for each, its title and stored
/// questions, and the sentences of its answer, each of unit length so that a dot product is the
/// cosine. Built once per snapshot (the texts' vectors come from the on-disk vector store, so a
/// reload encodes only what changed) and read by every question served from that snapshot.
/// </summary>
public sealed class SnippetVectors
{
    /// <summary>Answer sentences shorter than this many characters ("Yes.") say too little to match on.</summary>
    public const int MinSentenceLength = 16;

    private readonly Dictionary<string, Entry> _bySnippet;

    private SnippetVectors(IReadOnlyList<Snippet> snippets, Dictionary<string, Entry> bySnippet, int dimensions)
    {
        Snippets = snippets;
        _bySnippet = bySnippet;
        Dimensions = dimensions;
    }

    private int Dimensions { get; }

    /// <summary>The texts embedded for a snippet: its title and stored questions, then its answer's sentences.</summary>
    public static (IReadOnlyList<string> Questions, IReadOnlyList<string> Sentences) TextsOf(Snippet snippet) =>
        ([.. snippet.MatchableQuestions],
         [.. GeneratedSentences.Split(snippet.Body).Select(s => s.Text).Where(t => t.Length >= MinSentenceLength)]);

    /// <summary>Embeds every snippet of <paramref name="snippets"/> through <paramref name="vectors"/>
    /// (one call for all their texts, in order).</summary>
    public static async Task<SnippetVectors> BuildAsync(
        IReadOnlyList<Snippet> snippets,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<ReadOnlyMemory<float>>>> vectors,
        CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        var spans = new List<(Snippet Snippet, int Start, int Questions, int Sentences)>(snippets.Count);
        foreach (var snippet in snippets)
        {
            var (questions, sentences) = TextsOf(snippet);
            spans.Add((snippet, texts.Count, questions.Count, sentences.Count));
            texts.AddRange(questions);
            texts.AddRange(sentences);
        }

        var embedded = texts.Count == 0 ? [] : await vectors(texts, cancellationToken);
        if (embedded.Count != texts.Count)
        {
            throw new InvalidOperationException($"The vector store returned {embedded.Count} vectors for {texts.Count} texts.");
        }

        var dimensions = embedded.Count == 0 ? 0 : embedded[0].Length;
        var bySnippet = new Dictionary<string, Entry>(snippets.Count, StringComparer.Ordinal);
        foreach (var (snippet, start, questions, sentences) in spans)
        {
            bySnippet[snippet.Id] = new Entry(
                snippet,
                [.. Enumerable.Range(start, questions).Select(i => UnitOf(embedded[i], dimensions))],
                [.. Enumerable.Range(start + questions, sentences).Select(i => UnitOf(embedded[i], dimensions))]);
        }

        return new SnippetVectors(snippets, bySnippet, dimensions);
    }

    /// <summary>The snippets, in the order they were given.</summary>
    public IReadOnlyList<Snippet> Snippets { get; }

    /// <summary>The unit vectors of a snippet's questions (title first) and answer sentences: what
    /// the snippet classifier learns the snippet from.</summary>
    public IEnumerable<float[]> TrainingVectors(Snippet snippet) =>
        _bySnippet[snippet.Id] is var entry ? entry.Questions.Concat(entry.Sentences) : [];

    /// <summary>The same vectors for another snapshot's snippets of the same texts (a reload that
    /// changed nothing they were built from): each entry now refers to the new snippet object, so
    /// its status, review date and sources are the new snapshot's.</summary>
    public SnippetVectors WithSnippets(IReadOnlyList<Snippet> snippets)
    {
        var bySnippet = new Dictionary<string, Entry>(snippets.Count, StringComparer.Ordinal);
        foreach (var snippet in snippets)
        {
            var entry = _bySnippet.TryGetValue(snippet.Id, out var known)
                ? known
                : throw new ArgumentException($"No vectors for snippet '{snippet.Id}'.", nameof(snippets));
            bySnippet[snippet.Id] = entry with { Snippet = snippet };
        }

        return new SnippetVectors(snippets, bySnippet, Dimensions);
    }

    /// <summary>Which of the snippet's questions (index into <see cref="Snippet.MatchableQuestions"/>,
    /// title first) is nearest to any of the unit-length message vectors; -1 when none is.</summary>
    public int NearestQuestion(Snippet snippet, IReadOnlyList<float[]> units)
    {
        var questions = _bySnippet[snippet.Id].Questions;
        var best = 0.0;
        var index = -1;
        foreach (var unit in units)
        {
            for (var i = 0; i < questions.Length; i++)
            {
                var similarity = (double)VectorMath.Dot(questions[i], unit);
                if (similarity > best)
                {
                    (best, index) = (similarity, i);
                }
            }
        }

        return index;
    }

    private static float[] UnitOf(ReadOnlyMemory<float> vector, int dimensions) => vector.Length == dimensions
        ? VectorMath.Unit(vector.Span)
        : throw new InvalidOperationException($"Embedding sizes differ ({vector.Length} and {dimensions}).");

    private sealed record Entry(Snippet Snippet, float[][] Questions, float[][] Sentences);
}
