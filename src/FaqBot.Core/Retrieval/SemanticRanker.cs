using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FaqBot.Core.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace FaqBot.Core.Retrieval;

/// <summary>
/// Optional hybrid ranking: when an embedding generator is configured, each servable snippet's
/// best cosine similarity between the question and its stored questions is fused with the lexical
/// confidence. Stored-question vectors are cached by snippet id, version and question text, so a
/// reload embeds only what changed; <see cref="Prepare"/> embeds them when a snapshot is served
/// and drops the vectors of snippets it no longer holds. Any failure or timeout leaves the
/// lexical ranking as it was.
/// </summary>
public sealed class SemanticRanker(IEmbeddingGenerator<string, Embedding<float>> generator, ILogger<SemanticRanker> logger)
{
    /// <summary>Most texts sent in one embedding request (a snippet's questions are never split).</summary>
    public const int BatchSize = 64;

    private readonly ConcurrentDictionary<VectorKey, float[][]> _vectors = new();

    /// <summary>The same vectors by snippet object, so a question looks them up without building
    /// each snippet's key; entries go with the snapshot that holds the snippet.</summary>
    private readonly ConditionalWeakTable<Snippet, float[][]> _bySnippet = new();

    /// <summary>How many snippet versions have vectors (for tests).</summary>
    public int CachedSnippets => _vectors.Count;

    /// <summary>Embeds the servable snippets of a newly served snapshot in the background and
    /// forgets the vectors of versions it no longer holds. Failures are logged; questions asked
    /// meanwhile embed what they need themselves or fall back to lexical ranking.</summary>
    public Task Prepare(KnowledgeBase knowledge, DateOnly today) => Task.Run(async () =>
    {
        try
        {
            var servable = knowledge.Snippets.Where(s => s.IsServable(today)).ToList();
            await EnsureVectorsAsync(servable, CancellationToken.None);
            var keep = knowledge.Snippets.Select(VectorKey.Of).ToHashSet();
            foreach (var key in _vectors.Keys.Where(k => !keep.Contains(k)))
            {
                _vectors.TryRemove(key, out _);
            }

            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Embedded the questions of {Count} approved snippets for hybrid retrieval", servable.Count);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not embed the approved snippets' questions; hybrid retrieval will retry on the next question");
        }
    });

    public async Task<IReadOnlyList<Candidate>> RerankAsync(
        KnowledgeBase knowledge,
        string question,
        IReadOnlyList<Candidate> lexical,
        DateOnly today,
        double semanticWeight,
        int maxCandidates,
        CancellationToken cancellationToken)
    {
        var servable = knowledge.Snippets.Where(s => s.IsServable(today)).ToList();
        await EnsureVectorsAsync(servable, cancellationToken);
        var query = (await generator.GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector;
        var lexicalBySnippet = lexical.ToDictionary(c => c.Snippet.Id);
        var fused = new List<Candidate>(servable.Count);
        foreach (var snippet in servable)
        {
            if (!_bySnippet.TryGetValue(snippet, out var vectors))
            {
                throw new KeyNotFoundException($"No vectors for snippet {snippet.Id} v{snippet.Version}.");
            }

            var bestSimilarity = 0.0;
            var bestQuestion = 0;
            for (var i = 0; i < vectors.Length; i++)
            {
                var similarity = Cosine(query.Span, vectors[i]);
                if (similarity > bestSimilarity)
                {
                    bestSimilarity = similarity;
                    bestQuestion = i;
                }
            }

            var lexicalCandidate = lexicalBySnippet.GetValueOrDefault(snippet.Id);
            var lexicalConfidence = lexicalCandidate?.Confidence ?? 0.0;
            var confidence = (1 - semanticWeight) * lexicalConfidence + semanticWeight * Math.Clamp(bestSimilarity, 0, 1);
            if (confidence > 0)
            {
                var matched = lexicalCandidate?.MatchedQuestion ?? snippet.MatchableQuestions.ElementAt(bestQuestion);
                fused.Add(new Candidate(snippet, Math.Round(confidence, 4), matched)
                {
                    Lexical = lexicalConfidence,
                    Semantic = Math.Round(bestSimilarity, 4),
                });
            }
        }

        return [.. fused.OrderByDescending(c => c.Confidence).Take(maxCandidates)];
    }

    /// <summary>Embeds the stored questions of every snippet without vectors, in requests of about
    /// <see cref="BatchSize"/> texts, keeping each request's vectors as it completes, so a slow
    /// server that times out part way has still made progress.</summary>
    private async Task EnsureVectorsAsync(List<Snippet> snippets, CancellationToken cancellationToken)
    {
        var missing = new List<Snippet>();
        foreach (var snippet in snippets.Where(s => !_bySnippet.TryGetValue(s, out _)))
        {
            if (_vectors.TryGetValue(VectorKey.Of(snippet), out var known))
            {
                _bySnippet.AddOrUpdate(snippet, known); // unchanged by the reload: embedded before
            }
            else
            {
                missing.Add(snippet);
            }
        }

        var start = 0;
        while (start < missing.Count)
        {
            var batch = new List<Snippet>();
            var texts = new List<string>();
            while (start < missing.Count && (batch.Count == 0 || texts.Count + missing[start].MatchableQuestions.Count() <= BatchSize))
            {
                batch.Add(missing[start]);
                texts.AddRange(missing[start].MatchableQuestions);
                start++;
            }

            var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
            if (embeddings.Count != texts.Count)
            {
                throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} vectors for {texts.Count} texts.");
            }

            var next = 0;
            foreach (var snippet in batch)
            {
                var count = snippet.MatchableQuestions.Count();
                float[][] vectors = [.. embeddings.Skip(next).Take(count).Select(e => e.Vector.ToArray())];
                _vectors[VectorKey.Of(snippet)] = vectors;
                _bySnippet.AddOrUpdate(snippet, vectors);
                next += count;
            }
        }
    }

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new InvalidOperationException($"Embedding sizes differ ({a.Length} and {b.Length}).");
        }

        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }

        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }

    /// <summary>A snippet version's stored questions: id, version and the questions themselves, so
    /// an edit made without a version bump is embedded again too.</summary>
    private readonly record struct VectorKey(string Id, int Version, string Questions)
    {
        public static VectorKey Of(Snippet snippet) => new(snippet.Id, snippet.Version, string.Join("\n", snippet.MatchableQuestions));
    }
}
