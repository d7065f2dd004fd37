using FaqBot.Core.Embeddings;
using Moq;

namespace FaqBot.Core.Tests.Embeddings;

/// <summary>The cache of recent texts in front of a generator: a hit returns the vector given before
/// without asking the generator, a batch asks only for what it misses, and it holds no more than
/// its capacity.</summary>
public sealed class RecentEmbeddingCacheTests
{
    [Fact]
    public async Task A_text_asked_again_gets_the_same_vector_without_encoding()
    {
        var generator = CountingGenerator.Create();
        using var cache = new RecentEmbeddingCache(generator.Object, capacity: 16);

        var first = await cache.GenerateAsync(["How long does it take?"]);
        var second = await cache.GenerateAsync(["How long does it take?"]);

        Assert.Same(first[0], second[0]);
        Assert.Single(generator.Calls());
    }

    [Fact]
    public async Task A_batch_encodes_only_the_texts_it_misses_and_keeps_their_order()
    {
        var generator = CountingGenerator.Create();
        using var cache = new RecentEmbeddingCache(generator.Object, capacity: 16);
        await cache.GenerateAsync(["b", "d"]);

        string[] texts = ["a", "b", "c", "d"];

        var vectors = await cache.GenerateAsync(texts);

        Assert.Equal(["a", "c"], generator.Calls()[^1]);
        Assert.Equal(texts.Select(CountingGenerator.VectorOf), vectors.Select(v => v.Vector.ToArray()));
    }

    [Fact]
    public async Task The_cache_holds_at_most_its_capacity_and_forgets_the_least_recent()
    {
        var generator = CountingGenerator.Create();
        using var cache = new RecentEmbeddingCache(generator.Object, capacity: 8);

        for (var i = 0; i < 40; i++)
        {
            await cache.GenerateAsync([$"question {i}"]);
        }

        Assert.InRange(cache.Count, 1, 8);
        await cache.GenerateAsync(["question 0"]);
        Assert.Equal(41, generator.Calls().Count);
    }

    [Fact]
    public void Disposing_the_cache_leaves_the_generator_to_its_owner()
    {
        var generator = CountingGenerator.Create();

        new RecentEmbeddingCache(generator.Object, capacity: 8).Dispose();

        generator.Verify(g => g.Dispose(), Times.Never);
    }
}
