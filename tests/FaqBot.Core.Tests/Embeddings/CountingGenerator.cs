using Microsoft.Extensions.AI;
using Moq;

namespace FaqBot.Core.Tests.Embeddings;

/// <summary>A stand-in embedding generator that records every text it is asked for and answers each
/// with a vector made from the text's hash, so equal texts get equal vectors.</summary>
internal static class CountingGenerator
{
    public static Mock<IEmbeddingGenerator<string, Embedding<float>>> Create(string model = "counting-model")
    {
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator.Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<string> texts, EmbeddingGenerationOptions? _, CancellationToken _) =>
                Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(VectorOf(t))))));
        generator.Setup(g => g.GetService(typeof(EmbeddingGeneratorMetadata), null))
            .Returns(new EmbeddingGeneratorMetadata("counting", null, model, 3));
        return generator;
    }

    public static float[] VectorOf(string text)
    {
        var hash = (uint)StringComparer.Ordinal.GetHashCode(text);
        return [hash & 0xFF, (hash >> 8) & 0xFF, text.Length];
    }

    /// <summary>Every text the generator was asked for, call by call.</summary>
    public static List<string[]> Calls(this Mock<IEmbeddingGenerator<string, Embedding<float>>> generator) =>
        [.. generator.Invocations.Where(i => i.Method.Name == nameof(IEmbeddingGenerator<string, Embedding<float>>.GenerateAsync))
            .Select(i => ((IEnumerable<string>)i.Arguments[0]).ToArray())];
}
