using BenchmarkDotNet.Attributes;
using FaqBot.Core.Knowledge;

namespace FaqBot.Bench;

/// <summary>What a hot reload costs: <see cref="KnowledgeHolder.Reload"/> reads the whole folder
/// (as <see cref="KnowledgeLoadBenchmarks"/>) and swaps the snapshot in.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class KnowledgeReloadBenchmarks
{
    private BenchKnowledgeFolder? _folder;
    private KnowledgeHolder? _holder;

    [ParamsAllValues(Priority = -1)]
    public KnowledgeSet Knowledge { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchKnowledgeFolder.Prepare(Knowledge);
        _holder = BenchBot.Holder(_folder);
    }

    [GlobalCleanup]
    public void Cleanup() => _folder?.Dispose();

    [Benchmark]
    public KnowledgeLoadResult Reload()
    {
        var result = _holder!.Reload();
        return result.Knowledge is not null ? result : throw new InvalidOperationException($"{_folder!.Path} could not be served.");
    }
}
