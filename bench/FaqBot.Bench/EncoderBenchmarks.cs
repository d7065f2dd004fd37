using BenchmarkDotNet.Attributes;
using FaqBot.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace FaqBot.Bench;

/// <summary>The embedded sentence encoder alone, each model on one thread: a short message (10
/// words), a 20,000-character one (cut to the model's window), eight clauses in one call, and the
/// cache of recent texts hit and missed.</summary>
[MemoryDiagnoser]
public class EncoderBenchmarks : IDisposable
{
    public const string TenWords = "Can my sister drive me home after the infusion today?";

    private static readonly string[] Clauses =
    [
        "can my sister drive me home after", "also i doubled my klonopin today", "what should I wear",
        "not that it matters", "how long does it take", "is parking free", "I feel like giving up", "do you take insurance",
    ];

    private readonly string _long = LongMessages.Make(LongMessage.RandomWords);
    private EmbeddedSentenceEncoder _encoder = null!;
    private RecentEmbeddingCache _cache = null!;
    private int _miss;

    [Params(EmbeddedModel.MiniLm, EmbeddedModel.ArcticXs)]
    public EmbeddedModel Model { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _encoder = EmbeddedSentenceEncoder.Load(SentenceModel.For(Model), new EmbeddingOptions());
        _cache = new RecentEmbeddingCache(_encoder, new EmbeddingOptions().CacheCapacity);
        _cache.GenerateAsync([TenWords]).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _cache.Dispose();
        _encoder.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public Task<GeneratedEmbeddings<Embedding<float>>> ShortText() => _encoder.GenerateAsync([TenWords]);

    [Benchmark]
    public Task<GeneratedEmbeddings<Embedding<float>>> LongText() => _encoder.GenerateAsync([_long]);

    [Benchmark]
    public Task<GeneratedEmbeddings<Embedding<float>>> EightClauses() => _encoder.GenerateAsync(Clauses);

    [Benchmark]
    public Task<GeneratedEmbeddings<Embedding<float>>> CacheHit() => _cache.GenerateAsync([TenWords]);

    [Benchmark]
    public Task<GeneratedEmbeddings<Embedding<float>>> CacheMiss() => _cache.GenerateAsync([$"{TenWords} ({++_miss})"]);
}
