using System.Collections.Concurrent;
using FaqBot.Core.Knowledge;
using Microsoft.Extensions.AI;

namespace FaqBot.Core.Retrieval;

/// <summary>
/// Optional hybrid ranking: when an embedding generator is configured, each servable snippet's
/// best cosine similarity between the question and its stored questions is fused with the lexical
/// confidence. Stored-question vectors are cached by snippet id and version, so a reload embeds
/// only what changed. Any failure or timeout leaves the lexical ranking as it was.
/// </summary>
public sealed class SemanticRanker(IEmbeddingGenerator<string, Embedding<float>> generator)
{
    private readonly ConcurrentDictionary<(string Id, int Version), float[][]> _vectors = new();

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
            var vectors = _vectors[(snippet.Id, snippet.Version)];
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

    private async Task EnsureVectorsAsync(List<Snippet> snippets, CancellationToken cancellationToken)
    {
        var missing = snippets.Where(s => !_vectors.ContainsKey((s.Id, s.Version))).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var texts = missing.SelectMany(s => s.MatchableQuestions).ToList();
        var embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
        if (embeddings.Count != texts.Count)
        {
            throw new InvalidOperationException($"The embedding generator returned {embeddings.Count} vectors for {texts.Count} texts.");
        }

        var next = 0;
        foreach (var snippet in missing)
        {
            var count = snippet.MatchableQuestions.Count();
            _vectors[(snippet.Id, snippet.Version)] = [.. embeddings.Skip(next).Take(count).Select(e => e.Vector.ToArray())];
            next += count;
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

}
