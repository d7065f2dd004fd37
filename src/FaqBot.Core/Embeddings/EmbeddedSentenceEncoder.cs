using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace FaqBot.Core.Embeddings;

/// <summary>
/// An embedded sentence model (<see cref="SentenceModel"/>) as an embedding generator: loaded once,
/// safe to call from many turns at once, one call encoding many texts. Each text is prepared and cut
/// to the model's token window first (<see cref="EncoderInput"/>); a call's texts are encoded in
/// batches of similar length (at most <see cref="EmbeddingOptions.MaxBatchSize"/> each) and come back
/// in their order, as unit-length vectors.
/// </summary>
public sealed class EmbeddedSentenceEncoder : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly ISentenceEncoder _encoder;
    private readonly int _maxBatchSize;
    private readonly EmbeddingGeneratorMetadata _metadata;

    private EmbeddedSentenceEncoder(SentenceModel model, ISentenceEncoder encoder, int maxBatchSize)
    {
        Model = model;
        _encoder = encoder;
        _maxBatchSize = maxBatchSize;
        _metadata = new EmbeddingGeneratorMetadata(model.Package.GetName().Name, providerUri: null, model.Identity, model.Dimensions);
    }

    public SentenceModel Model { get; }

    /// <summary>Loads <paramref name="model"/> to run on <see cref="EmbeddingOptions.Threads"/> threads
    /// and encodes one text, so the first message does not wait for the runtime to warm up.</summary>
    /// <exception cref="EmbeddingModelLoadException">The model or its runtime could not be loaded.</exception>
    public static EmbeddedSentenceEncoder Load(SentenceModel model, EmbeddingOptions options)
    {
        SessionOptions? session = null;
        ISentenceEncoder? loaded = null;
        try
        {
            session = new SessionOptions
            {
                IntraOpNumThreads = options.Threads,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            };
            loaded = model.Load(session);
            session = null; // the package's encoder owns it now
            loaded.Encode(["Loaded."]);
            return new EmbeddedSentenceEncoder(model, loaded, options.MaxBatchSize);
        }
        catch (Exception ex)
        {
            session?.Dispose();
            (loaded as IDisposable)?.Dispose();
            throw new EmbeddingModelLoadException(
                $"The sentence encoder {model.Name} ({model.PackageName}) could not be loaded: {ex.Message} "
                + $"To start without it, set {EmbeddingOptions.Section}:{nameof(EmbeddingOptions.Model)} to {EmbeddedModel.None} "
                + $"(environment: {EmbeddingOptions.Section}__{nameof(EmbeddingOptions.Model)}={EmbeddedModel.None}); the semantic safety layer is then off.",
                ex);
        }
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.Select(text => EncoderInput.Prepare(text, Model.MaxWords)).ToArray();
        var vectors = new float[texts.Length][];

        // Similar lengths share a batch, so short texts are not padded to a long one's length.
        var byLength = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
        foreach (var batch in byLength.Chunk(_maxBatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var encoded = Encode([.. batch.Select(i => texts[i])], cancellationToken);
            for (var j = 0; j < batch.Length; j++)
            {
                vectors[batch[j]] = encoded[j];
            }
        }

        var embeddings = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        embeddings.AddRange(vectors.Select(vector => new Embedding<float>(vector) { ModelId = Model.Identity }));
        return Task.FromResult(embeddings);
    }

    /// <summary>One run of the model. A cancelled run ends with the runtime's own error; it is
    /// reported as the cancellation it is, so a caller's time limit reads as one.</summary>
    private float[][] Encode(string[] batch, CancellationToken cancellationToken)
    {
        try
        {
            return _encoder.Encode(batch, cancellationToken);
        }
        catch (OnnxRuntimeException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The encoding was cancelled.", ex, cancellationToken);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => (_encoder as IDisposable)?.Dispose();
}
