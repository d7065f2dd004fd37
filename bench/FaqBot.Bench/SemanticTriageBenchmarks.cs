using BenchmarkDotNet.Attributes;
using FaqBot.Core.Embeddings;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Safety;
using FaqBot.Core.Safety.Semantic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace FaqBot.Bench;

/// <summary>The whole triage of one message with the semantic safety layer on the embedded MiniLM
/// encoder (rules, then the layer's pieces encoded in one batch and scored against the examples),
/// beside the encoder alone on the same pieces: a short logistics question and a 20,000-character
/// message of many clauses, with the cache of recent texts hit (the same message again) and missed
/// (a new message each time).</summary>
[MemoryDiagnoser]
public class SemanticTriageBenchmarks : IDisposable
{
    private EmbeddedSentenceEncoder _encoder = null!;
    private RecentEmbeddingCache _cache = null!;
    private SemanticSafetyLayer _layer = null!;
    private KnowledgeBase _kb = null!;
    private string _message = "";
    private List<string> _pieces = [];
    private int _miss;

    public enum MessageSize
    {
        Question,
        TwentyThousandCharacters,
    }

    [Params(MessageSize.Question, MessageSize.TwentyThousandCharacters)]
    public MessageSize Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var result = KnowledgeLoader.Load(RepositoryPaths.Knowledge, BenchSettings.Clinic(), FixedClock.Default.Today);
        _kb = result.Knowledge ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
        _encoder = EmbeddedSentenceEncoder.Load(SentenceModel.MiniLm, new EmbeddingOptions());
        _cache = new RecentEmbeddingCache(_encoder, new EmbeddingOptions().CacheCapacity);
        var options = new SemanticSafetyOptions();
        _layer = new SemanticSafetyLayer(_cache,
            new ExampleVectors(async (texts, ct) => [.. (await _cache.GenerateAsync(texts, cancellationToken: ct)).Select(e => e.Vector)]),
            Options.Create(options));
        _layer.IndexAsync(_kb, CancellationToken.None).GetAwaiter().GetResult();
        _message = Size == MessageSize.Question ? TriageBenchmarks.Logistics : LongMessages.Make(LongMessage.RandomWords);
        _pieces = MessagePieces.Of(_kb.Safety.Normalize(_message), options.MaxPieces);
        Triage(_message).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _cache.Dispose();
        _encoder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The encoder alone on the pieces the layer encodes for this message.</summary>
    [Benchmark(Baseline = true)]
    public Task<GeneratedEmbeddings<Embedding<float>>> EncoderOnPieces() => _encoder.GenerateAsync(_pieces);

    [Benchmark]
    public Task<SemanticVerdict> TriageCacheMiss() => Triage($"{++_miss} {_message}");

    [Benchmark]
    public Task<SemanticVerdict> TriageCacheHit() => Triage(_message);

    private Task<SemanticVerdict> Triage(string message) => _layer.ClassifyAsync(_kb, message, _kb.Safety.Triage(message), CancellationToken.None);
}
