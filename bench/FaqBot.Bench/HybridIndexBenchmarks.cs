using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FaqBot.Core.Embeddings;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Safety.Semantic;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaqBot.Bench;

/// <summary>What hybrid ranking costs after a reload that changed one snippet: the snippets'
/// vectors read from the on-disk store (warm: only the changed question is encoded; cold: an
/// empty store, every text encoded) and the snippet classifier trained again (regression up to
/// <see cref="SnippetClassifier.MaxTrainedLabels"/> labels, nearest examples above).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class HybridIndexBenchmarks : IDisposable
{
    private BenchKnowledgeFolder? _folder;
    private KnowledgeHolder _holder = null!;
    private EmbeddedSentenceEncoder _encoder = null!;
    private string _store = "";
    private int _edit;

    [ParamsAllValues(Priority = -1)]
    public KnowledgeSet Knowledge { get; set; }

    [Params(true, false)]
    public bool WarmStore { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchKnowledgeFolder.Prepare(Knowledge, writable: true); // each iteration edits a snippet
        _holder = BenchBot.Holder(_folder);
        _encoder = EmbeddedSentenceEncoder.Load(SentenceModel.MiniLm, new EmbeddingOptions());
        _store = Directory.CreateTempSubdirectory("faqbot-bench-vectors-").FullName;
        if (WarmStore)
        {
            Build().GetAwaiter().GetResult();
        }
    }

    [IterationSetup]
    public void EditOneSnippet()
    {
        // A reload that changed one question: the classifier's content changes, so it is trained again.
        var file = Directory.GetFiles(Path.Combine(_folder!.Path, KnowledgeLoader.SnippetsFolder), "*.md").Order(StringComparer.Ordinal).First();
        var text = File.ReadAllText(file);
        var marker = text.IndexOf("questions:\n", StringComparison.Ordinal) + "questions:\n".Length;
        File.WriteAllText(file, text.Insert(marker, $"  - \"Is edit number {++_edit} in this question?\"\n"));
        if (_holder.Reload().Knowledge is null)
        {
            throw new InvalidOperationException("The edited knowledge could not be served.");
        }

        if (!WarmStore)
        {
            foreach (var vectors in Directory.GetFiles(_store))
            {
                File.Delete(vectors);
            }
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _folder?.Dispose();
        _encoder.Dispose();
        Directory.Delete(_store, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public async Task<HybridIndex> Build()
    {
        var store = new EmbeddingStore(_encoder, Options.Create(new EmbeddingOptions { CachePath = _store }), NullLogger<EmbeddingStore>.Instance);
        var ranker = new SemanticRanker(_encoder, store.GetOrEncodeAsync, BenchSettings.Retrieval().Hybrid, new SemanticSafetyOptions().MaxPieces, NullLogger<SemanticRanker>.Instance);
        return await ranker.Prepare(_holder.Current);
    }
}
