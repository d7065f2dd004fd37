using BenchmarkDotNet.Attributes;
using FaqBot.Core.Ai;
using FaqBot.Core.Answering;
using FaqBot.Core.Generation;
using FaqBot.Core.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace FaqBot.Bench;

/// <summary>
/// What the generative mode costs on this side of the model: the verifier on one answer, and a
/// whole turn (safety gate, retrieval, prompt rendering, the chat call, verification, the text
/// sent) with a chat client that answers at once, against the same turn extractive. The model's
/// own time is not in these figures.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private const string Question = "Can I drive home after my infusion?";

    private const string Faithful =
        "Please plan for someone else to drive you home [1]. You should not drive a car or operate heavy machinery for the rest of the day [1].";

    private KnowledgeBase _knowledge = null!;
    private IReadOnlyList<Snippet> _given = null!;
    private AnswerVerifier _verifier = null!;
    private Answerer _extractive = null!;
    private Answerer _generative = null!;

    [GlobalSetup]
    public void Setup()
    {
        var holder = BenchBot.Holder(BenchKnowledgeFolder.Prepare(KnowledgeSet.Sample));
        _knowledge = holder.Current;
        _given = [_knowledge.Snippets.Single(s => s.Id == "getting-home"), _knowledge.Snippets.Single(s => s.Id == "rest-before-leaving")];
        _verifier = new AnswerVerifier();
        _extractive = BenchBot.Answerer(holder);
        var prompt = PromptDirectory.LoadAsync(Path.Combine(RepositoryPaths.Root, "prompts", "Answer"), CancellationToken.None).GetAwaiter().GetResult();
        var generator = new AnswerGenerator(new InstantChat(Faithful), prompt, _verifier,
            new GenerationSettings("instant", TimeSpan.FromSeconds(5), 400, 3, BenchSettings.Clinic().Name), FixedClock.Default);
        _generative = new Answerer(holder, Options.Create(BenchSettings.Retrieval()), Options.Create(BenchSettings.Input()), FixedClock.Default, generator: generator);
        var check = _generative.AskAsync(Question).AsTask().GetAwaiter().GetResult();
        if (!check.Generated)
        {
            throw new InvalidOperationException("The generated answer was not sent: " + check.Trace.Decision);
        }
    }

    [Benchmark]
    public bool Verify() => _verifier.Verify(Faithful, _given, _knowledge.Safety).Accepted;

    [Benchmark(Baseline = true)]
    public async Task<Answer> AskExtractive() => await _extractive.AskAsync(Question);

    [Benchmark]
    public async Task<Answer> AskGenerated() => await _generative.AskAsync(Question);

    /// <summary>A chat client that replies with fixed text at once.</summary>
    private sealed class InstantChat(string reply) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
