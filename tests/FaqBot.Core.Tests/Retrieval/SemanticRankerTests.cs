using FaqBot.Core.Answering;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FaqBot.Core.Tests.Retrieval;

/// <summary>Hybrid ranking with a fake embedding generator: each text is embedded on two axes,
/// "getting home" and "what to wear", by the words it contains.</summary>
public sealed class SemanticRankerTests
{
    private static readonly string[] HomeWords = ["drive", "lift", "ferry"];
    private static readonly string[] WearWords = ["wear", "clothes", "clothing", "outfit", "dress"];

    [Fact]
    public async Task Semantic_similarity_answers_a_question_with_no_shared_words()
    {
        var generator = FakeGenerator();
        var bot = TestBot.Create(semantic: new SemanticRanker(generator.Object, NullLogger<SemanticRanker>.Instance));

        var answer = await bot.AskAsync("can somebody ferry me back?");

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal("getting-home", answer.Citations[0].SnippetId);
        Assert.Contains("hybrid ranking", answer.Trace.Decision, StringComparison.Ordinal);
        Assert.NotNull(answer.Trace.Candidates[0].Semantic);
    }

    [Fact]
    public async Task Stored_question_vectors_are_computed_once_and_cached()
    {
        var generator = FakeGenerator();
        var bot = TestBot.Create(semantic: new SemanticRanker(generator.Object, NullLogger<SemanticRanker>.Instance));

        await bot.AskAsync("can I drive home");
        await bot.AskAsync("what should I wear");

        // Every stored question once, in batches, then one call per patient question.
        var requests = EmbeddedTexts(generator);
        var questions = requests.Where(t => t.Count == 1 && t[0] is "can I drive home" or "what should I wear").ToList();
        Assert.Equal(2, questions.Count);
        Assert.Equal(StoredQuestions(), requests.Except(questions).Sum(t => t.Count));
    }

    [Fact]
    public async Task A_failing_generator_falls_back_to_lexical_ranking()
    {
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator.Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection refused"));
        var lexical = await TestBot.Create().AskAsync("Can I drive home after my infusion?");

        var answer = await TestBot.Create(semantic: new SemanticRanker(generator.Object, NullLogger<SemanticRanker>.Instance)).AskAsync("Can I drive home after my infusion?");

        Assert.Equal(lexical.Text, answer.Text);
        Assert.Equal(lexical.Confidence, answer.Confidence);
        Assert.Contains("semantic ranking unavailable (HttpRequestException)", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_generator_is_cut_off_at_the_time_limit()
    {
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator.Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(async (IEnumerable<string> _, EmbeddingGenerationOptions? _, CancellationToken token) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), token);
                return new GeneratedEmbeddings<Embedding<float>>();
            });
        var retrieval = TestBot.ShippedRetrieval();
        retrieval.SemanticTimeoutMilliseconds = 50;

        var answer = await TestBot.Create(retrieval: retrieval, time: TimeProvider.System, semantic: new SemanticRanker(generator.Object, NullLogger<SemanticRanker>.Instance))
            .AskAsync("Can I drive home after my infusion?");

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Contains("semantic ranking unavailable", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preparing_a_snapshot_embeds_its_questions_before_any_patient_asks()
    {
        var generator = FakeGenerator();
        var ranker = new SemanticRanker(generator.Object, NullLogger<SemanticRanker>.Instance);
        var knowledge = TestBot.Holder(Repo.Knowledge, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestBot.Now)).Current;

        await ranker.Prepare(knowledge, DateOnly.FromDateTime(TestBot.Now.UtcDateTime));

        Assert.Equal(knowledge.Snippets.Count, ranker.CachedSnippets);
        var batches = EmbeddedTexts(generator);
        Assert.Equal(StoredQuestions(), batches.Sum(b => b.Count));
        Assert.All(batches, b => Assert.True(b.Count <= SemanticRanker.BatchSize, $"{b.Count} texts in one request"));
    }

    [Fact]
    public async Task A_reload_embeds_only_the_edited_snippet_and_forgets_its_old_version()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestBot.Now);
        var holder = TestBot.Holder(folder.Path, time);
        var generator = FakeGenerator();
        var ranker = new SemanticRanker(generator.Object, NullLogger<SemanticRanker>.Instance);
        var today = DateOnly.FromDateTime(TestBot.Now.UtcDateTime);
        await ranker.Prepare(holder.Current, today);
        var before = ranker.CachedSnippets;

        var file = Path.Combine(folder.SnippetsPath, "getting-home.md");
        File.WriteAllText(file, File.ReadAllText(file)
            .Replace("version: 1", "version: 2", StringComparison.Ordinal)
            .Replace("  - \"Do I need someone to pick me up?\"", "  - \"Do I need someone to pick me up?\"\n  - \"Can my neighbour ferry me home?\"", StringComparison.Ordinal));
        Assert.True(holder.Reload().Knowledge is not null);
        await ranker.Prepare(holder.Current, today);

        Assert.Equal(before, ranker.CachedSnippets);
        var edited = holder.Current.Snippets.Single(s => s.Id == "getting-home");
        Assert.Equal(2, edited.Version);
        // The second embedding call holds only the edited snippet's title and questions.
        generator.Verify(g => g.GenerateAsync(It.Is<IEnumerable<string>>(t => t.Count() == edited.MatchableQuestions.Count() && t.Contains("Can my neighbour ferry me home?")),
            It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_failing_preparation_is_logged_and_questions_still_fall_back()
    {
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator.Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection refused"));
        var ranker = new SemanticRanker(generator.Object, NullLogger<SemanticRanker>.Instance);
        var knowledge = TestBot.Holder(Repo.Knowledge, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestBot.Now)).Current;

        await ranker.Prepare(knowledge, DateOnly.FromDateTime(TestBot.Now.UtcDateTime));

        Assert.Equal(0, ranker.CachedSnippets);
    }

    /// <summary>The titles and questions of the shipped snippets.</summary>
    private static int StoredQuestions() =>
        TestBot.Holder(Repo.Knowledge, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestBot.Now)).Current.Snippets.Sum(s => s.MatchableQuestions.Count());

    /// <summary>The texts of every embedding request the fake received, request by request.</summary>
    private static List<List<string>> EmbeddedTexts(Mock<IEmbeddingGenerator<string, Embedding<float>>> generator) =>
        [.. generator.Invocations.Where(i => i.Method.Name == nameof(IEmbeddingGenerator<string, Embedding<float>>.GenerateAsync))
            .Select(i => ((IEnumerable<string>)i.Arguments[0]).ToList())];

    private static Mock<IEmbeddingGenerator<string, Embedding<float>>> FakeGenerator()
    {
        var generator = new Mock<IEmbeddingGenerator<string, Embedding<float>>>();
        generator.Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IEnumerable<string> texts, EmbeddingGenerationOptions? _, CancellationToken _) =>
                new GeneratedEmbeddings<Embedding<float>>(texts.Select(Embed)));
        return generator;
    }

    private static Embedding<float> Embed(string text)
    {
        var lower = text.ToLowerInvariant();
        float home = HomeWords.Count(w => lower.Contains(w, StringComparison.Ordinal));
        float wear = WearWords.Count(w => lower.Contains(w, StringComparison.Ordinal));
        return new Embedding<float>(new[] { home, wear, 0.05f });
    }
}
