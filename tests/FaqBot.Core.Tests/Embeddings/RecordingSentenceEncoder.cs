using SentenceTransformers;

namespace FaqBot.Core.Tests.Embeddings;

/// <summary>Stands in for a package's model: records each batch it is given and answers each text
/// with a unit vector made from its length, so tests see what reaches the model without loading one.</summary>
internal sealed class RecordingSentenceEncoder : ISentenceEncoder, IDisposable
{
    public List<string[]> Batches { get; } = [];

    public bool Disposed { get; private set; }

    public float[][] Encode(string[] sentences, CancellationToken cancellationToken = default)
    {
        Batches.Add(sentences);
        return [.. sentences.Select(s => new[] { 1f, s.Length }).Select(v => v.Select(x => x / MathF.Sqrt(1 + (v[1] * v[1]))).ToArray())];
    }

    public void Dispose() => Disposed = true;
}
