using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Embeddings;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace FaqBot.Core.Tests.Retrieval;

/// <summary>Hybrid ranking as shipped, over the embedded encoder: the snippet classifier, the
/// calibrated decision, the vectors' store, and the fallbacks to the lexical ranking.</summary>
public sealed class SemanticRankerTests
{
    [Fact]
    public async Task A_question_lexical_ranking_left_unanswered_is_answered_from_the_right_snippet()
    {
        var lexical = await TestBot.Create().AskAsync("Does the IV hurt?");

        var answer = await (await TestBot.HybridAsync()).AskAsync("Does the IV hurt?");

        Assert.Equal(AnswerOutcome.Unanswered, lexical.Outcome);
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal("how-ketamine-is-given", answer.Citations[0].SnippetId);
        Assert.Contains("hybrid ranking", answer.Trace.Decision, StringComparison.Ordinal);
        Assert.NotNull(answer.Trace.Candidates[0].Score);
    }

    /// <summary>Below the answer threshold, the close candidates are offered ("did you mean"), never a guess.</summary>
    [Theory]
    [InlineData("can somebody ferry me back after?", "getting-home")]
    [InlineData("my wife is a very private person, will she get a space to herself", "private-room")]
    public async Task A_less_certain_question_offers_the_right_snippet_or_answers_with_it(string question, string snippet)
    {
        var answer = await (await TestBot.HybridAsync()).AskAsync(question);

        Assert.Equal(snippet, answer.Trace.Candidates[0].SnippetId);
        if (answer.Outcome == AnswerOutcome.Clarify)
        {
            Assert.Contains(answer.Suggestions, title => title == Knowledge(snippet).Title);
            Assert.True(answer.Confidence < TestBot.ShippedRetrieval().Hybrid.AnswerConfidence);
        }
        else
        {
            Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
            Assert.Equal(snippet, answer.Citations[0].SnippetId);
        }
    }

    [Theory]
    [InlineData("Where do I park when I get there?")]
    [InlineData("How much is a session?")]
    [InlineData("do you take blue cross")]
    public async Task A_question_no_snippet_covers_is_not_answered(string question)
    {
        var answer = await (await TestBot.HybridAsync()).AskAsync(question);

        Assert.NotEqual(AnswerOutcome.Answered, answer.Outcome);
    }

    [Fact]
    public async Task Backstory_does_not_drown_the_question()
    {
        var bot = await TestBot.HybridAsync();
        const string question = "My husband is driving me on Thursday but he has a meeting right after, he works for a big logistics firm and "
            + "his boss is very strict about being on time, and I already feel bad asking him. Can I drive myself home afterwards instead?";

        var answer = await bot.AskAsync(question);

        Assert.Equal("getting-home", answer.Citations[0].SnippetId);
        Assert.Contains("pieces)", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Until_the_snapshots_index_is_ready_the_lexical_ranking_serves()
    {
        var gate = new TaskCompletionSource();
        var encoder = LoadedEncoders.MiniLm;
        StoredVectors slow = async (_, texts, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            return [.. (await encoder.GenerateAsync(texts, cancellationToken: ct)).Select(e => e.Vector)];
        };
        var ranker = TestBot.ShippedRanker(slow);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestBot.Now);
        var holder = TestBot.Holder(Repo.Knowledge, time);
        var bot = new Answerer(holder, Options.Create(TestBot.ShippedRetrieval()), Options.Create(new InputOptions()), time, ranker);
        var lexical = await TestBot.Create().AskAsync("Can I drive home after my infusion?");

        var before = await bot.AskAsync("Can I drive home after my infusion?");
        gate.SetResult();
        await ranker.Prepare(holder.Current);
        var after = await bot.AskAsync("Can I drive home after my infusion?");

        Assert.Equal(lexical.Text, before.Text);
        Assert.Contains("hybrid ranking not ready yet", before.Trace.Decision, StringComparison.Ordinal);
        Assert.Contains("hybrid ranking (", after.Trace.Decision, StringComparison.Ordinal);
        Assert.Equal("getting-home", after.Citations[0].SnippetId);
    }

    [Fact]
    public async Task A_failing_encoder_falls_back_to_the_lexical_ranking()
    {
        var failing = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        failing.Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection refused"));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestBot.Now);
        var holder = TestBot.Holder(Repo.Knowledge, time);
        var ranker = TestBot.ShippedRanker(encoder: failing.Object, stored: (_, texts, ct) => VectorsOf(texts, ct));
        await ranker.Prepare(holder.Current);
        var bot = new Answerer(holder, Options.Create(TestBot.ShippedRetrieval()), Options.Create(new InputOptions()), time, ranker);
        var lexical = await TestBot.Create().AskAsync("Can I drive home after my infusion?");

        var answer = await bot.AskAsync("Can I drive home after my infusion?");

        Assert.Equal(lexical.Text, answer.Text);
        Assert.Contains("semantic ranking unavailable (HttpRequestException)", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_encoder_is_cut_off_at_the_time_limit()
    {
        var slow = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        slow.Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(async (IEnumerable<string> _, EmbeddingGenerationOptions? _, CancellationToken token) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), token);
                return new GeneratedEmbeddings<Embedding<float>>();
            });
        var holder = TestBot.Holder(Repo.Knowledge, TimeProvider.System);
        var ranker = TestBot.ShippedRanker(encoder: slow.Object, stored: (_, texts, ct) => VectorsOf(texts, ct));
        await ranker.Prepare(holder.Current);
        var retrieval = TestBot.ShippedRetrieval();
        retrieval.SemanticTimeoutMilliseconds = 50;
        var bot = new Answerer(holder, Options.Create(retrieval), Options.Create(new InputOptions()), TimeProvider.System, ranker);

        var answer = await bot.AskAsync("Can I drive home after my infusion?");

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Contains("semantic ranking unavailable", answer.Trace.Decision, StringComparison.Ordinal);
    }

    /// <summary>Counted on the snippets' own texts, in a knowledge folder of its own (a question no
    /// other test has): an index is shared in the process while what it was built from is
    /// unchanged, so the other sets' encodings depend on what ran before.</summary>
    [Fact]
    public async Task A_restart_reads_the_snippets_vectors_from_disk_and_a_reload_encodes_only_what_changed()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var wear = Path.Combine(folder.SnippetsPath, "what-to-wear.md");
        File.WriteAllText(wear, File.ReadAllText(wear).Replace("questions:\n", $"questions:\n  - \"Is outfit {Guid.NewGuid():N} fine?\"\n", StringComparison.Ordinal));
        using var cache = new TempFolder();
        var counting = new CountingEncoder(LoadedEncoders.MiniLm);
        var holder = TestBot.Holder(folder.Path, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestBot.Now));
        var store = new EmbeddingStore(counting, Options.Create(new EmbeddingOptions { CachePath = cache.Path }), NullLogger<EmbeddingStore>.Instance);
        var snippetTexts = holder.Current.Snippets.SelectMany(s => SnippetVectors.TextsOf(s) is var (q, a) ? q.Concat(a) : []).ToHashSet(StringComparer.Ordinal);

        await TestBot.ShippedRanker(store.GetOrEncodeAsync, counting).Prepare(holder.Current);
        var first = counting.Seen.Count(snippetTexts.Contains);
        counting.Seen.Clear();
        await TestBot.ShippedRanker(store.GetOrEncodeAsync, counting).Prepare(holder.Current); // a new process: same files
        var restart = counting.Seen.Count(snippetTexts.Contains);

        var file = Path.Combine(folder.SnippetsPath, "getting-home.md");
        File.WriteAllText(file, File.ReadAllText(file)
            .Replace("version: 1", "version: 2", StringComparison.Ordinal)
            .Replace("  - \"Do I need someone to pick me up?\"", "  - \"Do I need someone to pick me up?\"\n  - \"Can my neighbour ferry me home?\"", StringComparison.Ordinal));
        Assert.True(holder.Reload().Knowledge is not null);
        counting.Seen.Clear();
        await TestBot.ShippedRanker(store.GetOrEncodeAsync, counting).Prepare(holder.Current);
        snippetTexts.Add("Can my neighbour ferry me home?");

        Assert.Equal(snippetTexts.Count - 1, first);
        Assert.Equal(0, restart);
        Assert.Equal(["Can my neighbour ferry me home?"], counting.Seen.Where(snippetTexts.Contains));
    }

    [Fact]
    public async Task Small_talk_in_other_words_gets_its_reply_by_meaning()
    {
        var bot = await TestBot.HybridAsync();

        foreach (var (message, intent) in new[] { ("lol thanks", "thanks"), ("ok cool bye", "goodbye"), ("hello? anyone there", "greeting"), ("what's your name?", "identity"), ("How's your day going?", "greeting") })
        {
            var answer = await bot.AskAsync(message);
            Assert.True(answer.Outcome == AnswerOutcome.SmallTalk, $"{message}: {answer.Outcome} ({answer.Trace.Decision})");
            Assert.Contains($"small talk: {intent}", answer.Trace.Decision, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_question_with_a_greeting_is_still_answered()
    {
        var answer = await (await TestBot.HybridAsync()).AskAsync("hi there! can my friend give me a lift home afterwards?");

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal("getting-home", answer.Citations[0].SnippetId);
    }

    [Fact]
    public async Task A_turn_encodes_each_piece_once_for_the_safety_layer_and_retrieval_together()
    {
        var counting = new CountingEncoder(LoadedEncoders.MiniLm);
        var cached = new RecentEmbeddingCache(counting, 1_000);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestBot.Now);
        var holder = TestBot.Holder(Repo.Knowledge, time);
        var ranker = TestBot.ShippedRanker((_, texts, ct) => VectorsOf(texts, ct), cached);
        await ranker.Prepare(holder.Current);
        var layer = new FaqBot.Core.Safety.Semantic.SemanticSafetyLayer(cached,
            new FaqBot.Core.Safety.Semantic.ExampleVectors((texts, ct) => VectorsOf(texts, ct)), Options.Create(new FaqBot.Core.Safety.Semantic.SemanticSafetyOptions()));
        await layer.IndexAsync(holder.Current, CancellationToken.None);
        var bot = new Answerer(holder, Options.Create(TestBot.ShippedRetrieval()), Options.Create(new InputOptions()), time, ranker, semanticSafety: layer);
        var before = counting.Texts;

        var answer = await bot.AskAsync("my sister is driving me on friday, she wants to know, will I be groggy when she picks me up?");

        var pieces = ranker.Pieces(holder.Current, "my sister is driving me on friday, she wants to know, will I be groggy when she picks me up?");
        Assert.True(pieces.Count >= 3, string.Join(" | ", pieces));
        Assert.Equal(pieces.Count, counting.Texts - before);
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
    }

    private static FaqBot.Core.Knowledge.Snippet Knowledge(string id) =>
        TestBot.Holder(Repo.Knowledge, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestBot.Now)).Current.Snippets.Single(s => s.Id == id);

    private static async Task<IReadOnlyList<ReadOnlyMemory<float>>> VectorsOf(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        [.. (await LoadedEncoders.MiniLm.GenerateAsync(texts, cancellationToken: cancellationToken)).Select(e => e.Vector)];

    /// <summary>Passes every request to the encoder and counts the texts it was given.</summary>
    private sealed class CountingEncoder(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        private int _texts;

        public int Texts => Volatile.Read(ref _texts);

        /// <summary>Every text encoded, in order (read after the encodings being counted are done).</summary>
        public List<string> Seen { get; } = [];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Interlocked.Add(ref _texts, list.Count);
            lock (Seen)
            {
                Seen.AddRange(list);
            }

            return inner.GenerateAsync(list, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
        }
    }
}
