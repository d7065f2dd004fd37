using BenchmarkDotNet.Attributes;
using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Privacy;

namespace FaqBot.Bench;

/// <summary>A patient message of 20,000 characters of hostile content, through what the host does
/// with it: the answerer (safety gate on the whole message, then, with the question limit raised
/// to 20,000, small talk, retrieval and the decision) and the redaction of what is stored.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class LongMessageBenchmarks
{
    private BenchKnowledgeFolder? _folder;
    private Answerer _answerer = null!;
    private string _message = "";

    [ParamsAllValues]
    public LongMessage Content { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = BenchKnowledgeFolder.Prepare(KnowledgeSet.Sample);
        _answerer = BenchBot.Answerer(BenchBot.Holder(_folder), new InputOptions { MaxQuestionLength = LongMessages.Length });
        _message = LongMessages.Make(Content);
    }

    [GlobalCleanup]
    public void Cleanup() => _folder?.Dispose();

    [Benchmark]
    public ValueTask<Answer> Ask() => _answerer.AskAsync(_message);

    [Benchmark]
    public RedactionResult Redact() => Redactor.Default.Analyze(_message);
}
