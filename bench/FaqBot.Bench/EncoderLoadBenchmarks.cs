using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using FaqBot.Core.Embeddings;

namespace FaqBot.Bench;

/// <summary>Loading each embedded model in a new process, as a host's start does: the package's
/// model read from its assembly, the runtime's session built, one text encoded.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, warmupCount: 0, iterationCount: 1)]
public class EncoderLoadBenchmarks
{
    [Params(EmbeddedModel.MiniLm, EmbeddedModel.ArcticXs)]
    public EmbeddedModel Model { get; set; }

    [Benchmark]
    public void Load()
    {
        using var encoder = EmbeddedSentenceEncoder.Load(SentenceModel.For(Model), new EmbeddingOptions());
    }
}
