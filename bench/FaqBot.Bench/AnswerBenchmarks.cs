using BenchmarkDotNet.Attributes;
using FaqBot.Core.Answering;

namespace FaqBot.Bench;

/// <summary>One question through <see cref="Answerer.AskAsync(string?, CancellationToken)"/>: small-talk check, retrieval,
/// decision and the extractive answer with its citations.</summary>
[MemoryDiagnoser]
[Config(typeof(AnswerConfig))]
public class AnswerBenchmarks
{
    public const string Direct = "Can I drive home after my infusion?";
    public const string Typo = "how long does an infusoin take";
    public const string OutOfScope = "do you take insurance";

    private BenchKnowledgeFolder? _folder;
    private Answerer _answerer = null!;

    [ParamsAllValues(Priority = -1)]
    public KnowledgeSet Knowledge { get; set; }

    [Params(Direct, Typo, OutOfScope)]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchKnowledgeFolder.Prepare(Knowledge);
        _answerer = BenchBot.Answerer(BenchBot.Holder(_folder));
    }

    [GlobalCleanup]
    public void Cleanup() => _folder?.Dispose();

    [Benchmark]
    public ValueTask<Answer> Ask() => _answerer.AskAsync(Question);
}
