using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FaqBot.Storage;
using FaqBot.Storage.Transcripts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Bench;

/// <summary>The cost of encryption at rest: one turn written to the embedded store (its four
/// activities, the turn with its trace and a handoff, committed) and one conversation of five turns
/// read back, with <c>Transcripts:EncryptAtRest</c> off and on. The store is built as the hosts
/// build it (the key ring in the data folder); sizes are those of a real turn: a question of 60
/// characters, activities of 0.3 to 1.5 KB, a trace of 3 KB.</summary>
[MemoryDiagnoser]
public class TranscriptStoreBenchmarks
{
    private const string Reader = "bench-read";

    private string _folder = "";
    private ServiceProvider _services = null!;
    private ITranscriptStore _store = null!;
    private int _next;

    [Params(false, true)]
    public bool EncryptAtRest { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "faqbot-bench-store-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = _folder,
            ["Transcripts:EncryptAtRest"] = EncryptAtRest ? "true" : "false",
        }).Build();
        _services = new ServiceCollection().AddLogging().AddFaqBotStorage(configuration, _folder).BuildServiceProvider();
        _store = _services.GetRequiredService<ITranscriptStore>();
        for (var i = 0; i < 5; i++)
        {
            _store.AppendAsync(Turn(Reader), CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public Task WriteTurn() => _store.AppendAsync(Turn("bench-write"), CancellationToken.None);

    [Benchmark]
    public Task<ConversationDetail?> ReadConversation() => _store.GetAsync(Reader, CancellationToken.None);

    private TurnRecord Turn(string conversation)
    {
        var n = Interlocked.Increment(ref _next);
        var at = DateTimeOffset.UnixEpoch.AddDays(20_000).AddSeconds(n);
        var question = "Can my sister drive me home after the infusion on Thursday?";
        StoredActivity Activity(string id, ActivityDirection direction, string type, int size) =>
            new(id, direction, type, at, JsonSerializer.Serialize(new { type, id, text = question, padding = new string('x', size) }));

        return new TurnRecord(conversation, "directline", at,
            [
                Activity($"in-{n}", ActivityDirection.In, "message", 300),
                Activity($"typing-{n}", ActivityDirection.Out, "typing", 200),
                Activity($"out-{n}", ActivityDirection.Out, "message", 1_500),
                Activity($"event-{n}", ActivityDirection.Out, "event", 600),
            ],
            new TurnSummary($"in-{n}", $"out-{n}", at, question, "no-answer", null, 0.2, true, null, null, "no-answer", 0,
                JsonSerializer.Serialize(new { decision = "no-answer", clauses = new[] { question }, padding = new string('t', 3_000) })),
            new HandoffRecord(FaqBot.Core.Answering.HandoffDecision.Unanswered("no-answer"), question, at));
    }
}
