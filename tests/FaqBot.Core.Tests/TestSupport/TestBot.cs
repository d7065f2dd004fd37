using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Safety;
using FaqBot.Core.Safety.Semantic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Core.Tests.TestSupport;

/// <summary>An answerer over a knowledge folder with the shipped retrieval settings and a fixed clock.</summary>
internal static class TestBot
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The Retrieval section of the repository's appsettings.json.</summary>
    public static RetrievalOptions ShippedRetrieval() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Repo.Root, ContentRoot.SettingsFile))
            .Build()
            .GetSection(RetrievalOptions.Section)
            .Get<RetrievalOptions>() ?? throw new InvalidOperationException("No Retrieval section in appsettings.json.");

    public static Answerer Create(
        string? knowledgePath = null,
        TimeProvider? time = null,
        RetrievalOptions? retrieval = null,
        InputOptions? input = null,
        SemanticRanker? semantic = null,
        ModelSafetyClassifier? classifier = null,
        SemanticSafetyLayer? semanticSafety = null)
    {
        time ??= new FakeTimeProvider(Now);
        var holder = Holder(knowledgePath ?? Repo.Knowledge, time);
        return new Answerer(holder, Options.Create(retrieval ?? ShippedRetrieval()), Options.Create(input ?? new InputOptions()), time, semantic, classifier,
            semanticSafety: semanticSafety);
    }

    /// <summary>The semantic safety layer as shipped (its default settings) over the embedded
    /// MiniLM encoder loaded once for the assembly.</summary>
    public static SemanticSafetyLayer ShippedSemanticSafety()
    {
        var encoder = LoadedEncoders.MiniLm;
        return new SemanticSafetyLayer(encoder,
            new ExampleVectors(async (texts, ct) => [.. (await encoder.GenerateAsync(texts, cancellationToken: ct)).Select(e => e.Vector)]),
            Options.Create(new SemanticSafetyOptions()));
    }

    /// <summary>Hybrid ranking as shipped (the Retrieval:Hybrid settings of appsettings.json) over
    /// the embedded MiniLM encoder loaded once for the assembly, its snippet vectors read through
    /// <paramref name="stored"/> (the encoder itself when null).</summary>
    public static SemanticRanker ShippedRanker(StoredVectors? stored = null, Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>? encoder = null)
    {
        var generator = encoder ?? LoadedEncoders.MiniLm;
        stored ??= async (_, texts, ct) => [.. (await generator.GenerateAsync(texts, cancellationToken: ct)).Select(e => e.Vector)];
        return new SemanticRanker(generator, stored, ShippedRetrieval().Hybrid, new SemanticSafetyOptions().MaxPieces,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SemanticRanker>.Instance);
    }

    /// <summary>An answerer with hybrid ranking as shipped, its index built before the first question.</summary>
    public static async Task<Answerer> HybridAsync(string? knowledgePath = null, SemanticSafetyLayer? semanticSafety = null)
    {
        var time = new FakeTimeProvider(Now);
        var holder = Holder(knowledgePath ?? Repo.Knowledge, time);
        var ranker = ShippedRanker();
        await ranker.Prepare(holder.Current);
        return new Answerer(holder, Options.Create(ShippedRetrieval()), Options.Create(new InputOptions()), time, ranker,
            semanticSafety: semanticSafety);
    }

    public static KnowledgeHolder Holder(string knowledgePath, TimeProvider time) =>
        new(Options.Create(new KnowledgeOptions { Path = knowledgePath }), Options.Create(KnowledgeFolder.Clinic), time);
}
