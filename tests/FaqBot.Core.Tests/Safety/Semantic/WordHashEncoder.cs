using Microsoft.Extensions.AI;

namespace FaqBot.Core.Tests.Safety.Semantic;

/// <summary>A stand-in encoder for tests that need no model: each word adds one to a dimension
/// chosen by its hash, so texts that share words are near. Counts the texts it encodes.</summary>
internal sealed class WordHashEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int Dimensions = 512;

    public int Encoded { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            Encoded++;
            var vector = new float[Dimensions];
            foreach (var word in text.ToLowerInvariant().Split([' ', ',', '.', '?', '!'], StringSplitOptions.RemoveEmptyEntries))
            {
                vector[(int)((uint)StableHash(word) % Dimensions)] += 1;
            }

            result.Add(new Embedding<float>(vector));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static int StableHash(string word)
    {
        var hash = 17;
        foreach (var c in word)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
