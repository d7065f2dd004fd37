using BenchmarkDotNet.Attributes;
using FaqBot.Core.Answering;
using FaqBot.Core.Embeddings;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Safety.Semantic;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaqBot.Bench;

/// <summary>A whole turn as shipped (rules, the semantic safety layer, hybrid ranking on the
/// embedded MiniLM encoder, decision and answer), on the sample knowledge and on 1,000 snippets:
/// a question asked again (its pieces in the encoder's cache of recent texts) and a question
/// never seen (every piece encoded).</summary>
[MemoryDiagnoser]
[Config(typeof(AnswerConfig))]
public class HybridAnswerBenchmarks : IDisposable
{
    /// <summary>The vector store every run of these benchmarks shares.</summary>
    public static readonly string SharedStore = Path.Combine(Path.GetTempPath(), "faqbot-bench-vectors");

    public const string Wordy = "my husband is driving me but he has a meeting right after, can i drive myself home instead?";

    private BenchKnowledgeFolder? _folder;
    private EmbeddedSentenceEncoder _encoder = null!;
    private RecentEmbeddingCache _cache = null!;
    private EmbeddingStore _store = null!;
    private SemanticSafetyLayer _layer = null!;
    private Answerer _answerer = null!;
    private int _fresh;

    [ParamsAllValues(Priority = -1)]
    public KnowledgeSet Knowledge { get; set; }

    [Params(AnswerBenchmarks.Direct, Wordy, AnswerBenchmarks.OutOfScope)]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchKnowledgeFolder.Prepare(Knowledge);
        var holder = BenchBot.Holder(_folder);
        _encoder = EmbeddedSentenceEncoder.Load(SentenceModel.MiniLm, new EmbeddingOptions());
        _cache = new RecentEmbeddingCache(_encoder, new EmbeddingOptions().CacheCapacity);
        // The examples' and snippets' vectors on disk, as a host keeps them: only the first process encodes them.
        _store = new EmbeddingStore(_cache, Options.Create(new EmbeddingOptions { CachePath = SharedStore }), NullLogger<EmbeddingStore>.Instance);
        StoredVectors stored = _store.GetOrEncodeAsync;
        var safety = new SemanticSafetyOptions();
        _layer = new SemanticSafetyLayer(_cache, new ExampleVectors((texts, ct) => stored("safety-examples", texts, ct)), Options.Create(safety));
        _layer.IndexAsync(holder.Current, CancellationToken.None).GetAwaiter().GetResult();
        var retrieval = BenchSettings.Retrieval();
        var ranker = new SemanticRanker(_cache, stored, retrieval.Hybrid, safety.MaxPieces, NullLogger<SemanticRanker>.Instance);
        ranker.Prepare(holder.Current).GetAwaiter().GetResult();
        _answerer = new Answerer(holder, Options.Create(retrieval), Options.Create(BenchSettings.Input()), FixedClock.Default, ranker, semanticSafety: _layer);
        var first = _answerer.AskAsync(Question).AsTask().GetAwaiter().GetResult();
        if (!first.Trace.Decision.Contains("hybrid ranking (", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Hybrid ranking did not serve: " + first.Trace.Decision);
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _folder?.Dispose();
        _cache.Dispose();
        _encoder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The same question again: its pieces come from the cache of recent texts.</summary>
    [Benchmark]
    public ValueTask<Answer> Repeated() => _answerer.AskAsync(Question);

    /// <summary>A question never seen before (a number appended): every piece is encoded.</summary>
    [Benchmark]
    public ValueTask<Answer> Fresh() => _answerer.AskAsync($"{Question} {++_fresh}");
}
