using BenchmarkDotNet.Attributes;
using FaqBot.Core.Knowledge;

namespace FaqBot.Bench;

/// <summary>Reading a whole knowledge folder with <see cref="KnowledgeLoader.Load"/>: sources,
/// snippets (YAML and quote checks), replies, vocabulary, small talk and the retrieval index.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class KnowledgeLoadBenchmarks
{
    private BenchKnowledgeFolder? _folder;

    [ParamsAllValues(Priority = -1)]
    public KnowledgeSet Knowledge { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchKnowledgeFolder.Prepare(Knowledge);
        BenchBot.Holder(_folder);
    }

    [GlobalCleanup]
    public void Cleanup() => _folder?.Dispose();

    [Benchmark]
    public KnowledgeLoadResult Load() => KnowledgeLoader.Load(_folder!.Path, BenchSettings.Clinic(), FixedClock.Default.Today);
}
