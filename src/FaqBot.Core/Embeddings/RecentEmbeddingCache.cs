using System.Diagnostics.CodeAnalysis;
using BitFaster.Caching.Lru;
using Microsoft.Extensions.AI;

namespace FaqBot.Core.Embeddings;

/// <summary>Remembers the vectors of the most recent texts (at most <c>capacity</c>, least recently
/// used first out) in front of any embedding generator, keyed by a hash of the text, so a message,
/// its clauses and a retry are encoded once. The generator behind it is not disposed with it: it
/// belongs to whoever made it.</summary>
public sealed class RecentEmbeddingCache(IEmbeddingGenerator<string, Embedding<float>> inner, int capacity)
    : CachingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly ConcurrentLru<string, Embedding<float>> _recent = new(capacity);

    /// <summary>How many vectors are remembered now.</summary>
    public int Count => _recent.Count;

    protected override string GetCacheKey(params ReadOnlySpan<object?> values) => AIJsonUtilities.HashDataToString(values);

    protected override Task<Embedding<float>?> ReadCacheAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_recent.TryGet(key, out var embedding) ? embedding : null);

    protected override Task WriteCacheAsync(string key, Embedding<float> value, CancellationToken cancellationToken)
    {
        _recent.AddOrUpdate(key, value);
        return Task.CompletedTask;
    }

    [SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose", Justification = "The base would dispose the generator behind, which this cache does not own.")]
    protected override void Dispose(bool disposing)
    {
    }
}
