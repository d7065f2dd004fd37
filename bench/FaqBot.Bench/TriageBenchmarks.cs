using BenchmarkDotNet.Attributes;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Safety;

namespace FaqBot.Bench;

/// <summary>The safety gate on one message: normalisation and every rule of knowledge/safety.</summary>
[MemoryDiagnoser]
public class TriageBenchmarks
{
    public const string Logistics = "Can I drive home after my infusion?";
    public const string Mixed = "can my sister drive me home after? also i doubled my klonopin today";
    public const string Denial = "I'm not suicidal, just asking how long it takes";
    public const string Slang = "lowkey wanna kms lol but fr";

    private SafetyGate _gate = null!;

    [Params(Logistics, Mixed, Denial, Slang)]
    public string Message { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var result = KnowledgeLoader.Load(RepositoryPaths.Knowledge, BenchSettings.Clinic(), FixedClock.Default.Today);
        _gate = result.Knowledge?.Safety ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
    }

    [Benchmark]
    public TriageResult Triage() => _gate.Triage(Message);
}
