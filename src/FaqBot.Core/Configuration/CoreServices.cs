using FaqBot.Core.Ai;
using FaqBot.Core.Answering;
using FaqBot.Core.Generation;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Knowledge.Import;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Embeddings;
using FaqBot.Core.Safety;
using FaqBot.Core.Safety.Semantic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Configuration;

public static class CoreServices
{
    /// <summary>Binds and validates the Core options (with the <c>Ai</c> section), and registers the
    /// knowledge holder and the answerer. With an embedding generator, retrieval is hybrid; with a
    /// chat client, the safety gate gets a second opinion and answers may be generated (each as
    /// the <c>Ai</c> section says). Without a model, neither is registered.</summary>
    public static IServiceCollection AddFaqBotCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<ClinicOptions>().Bind(configuration.GetSection(ClinicOptions.Section)).ValidateDataAnnotations()
            .Validate(o => { o.ReadOpeningHours(out var error); return error is null; }, "Clinic:OpeningHours or Clinic:TimeZone cannot be read: write hours like 'Mon-Fri 09:00-17:00; Sat 10:00-13:00' and an IANA zone such as America/Chicago.")
            .ValidateOnStart();
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.Section)).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.Path = ContentRoot.Resolve(contentRoot, o.Path));
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SafetyOptions>().Bind(configuration.GetSection(SafetyOptions.Section)).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.ClassifierPrompt = string.IsNullOrWhiteSpace(o.ClassifierPrompt) ? o.ClassifierPrompt : ContentRoot.Resolve(contentRoot, o.ClassifierPrompt));
        services.AddOptions<InputOptions>().Bind(configuration.GetSection(InputOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SemanticSafetyOptions>().Bind(configuration.GetSection(SemanticSafetyOptions.Section)).ValidateDataAnnotations()
            .Validate<IServiceProvider>((o, sp) => !o.Enabled || sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is not null,
                "Safety:Semantic:Enabled is true but no sentence encoder is configured (Embeddings:Model is None and the Ai section names no embedding model): "
                + "set Embeddings:Model to MiniLm, or turn the semantic safety layer off explicitly with Safety:Semantic:Enabled=false.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddFaqBotAi(configuration, contentRoot);
        services.AddSourceImport(configuration);

        services.AddSingleton<KnowledgeHolder>();
        services.AddSingleton(sp =>
        {
            var ai = sp.GetRequiredService<IOptions<AiOptions>>().Value;
            var models = sp.GetRequiredService<AiModels>();
            var chat = sp.GetService<IChatClient>() ?? models.Chat;
            var retrieval = sp.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            var embeddings = retrieval.Hybrid.Enabled ? sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>() : null;
            return new Answerer(
                sp.GetRequiredService<KnowledgeHolder>(),
                sp.GetRequiredService<IOptions<RetrievalOptions>>(),
                sp.GetRequiredService<IOptions<InputOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                embeddings is null ? null : Ranker(sp, embeddings),
                chat is not null && ai.SafetyClassifier ? Classifier(sp, chat) : null,
                chat is not null && ai.GenerateAnswers ? Generator(sp, chat, ai) : null,
                SemanticSafety(sp));
        });
        return services;
    }

    /// <summary>The semantic safety layer when it is on (the default): the examples' vectors come
    /// through the on-disk vector store; its index is built at start (before the first patient)
    /// and again after each served reload, in the background, where a message that comes before
    /// the new index is judged by the last one built, never by none.</summary>
    private static SemanticSafetyLayer? SemanticSafety(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SemanticSafetyOptions>>();
        if (!options.Value.Enabled)
        {
            return null;
        }

        var store = services.GetRequiredService<EmbeddingStore>();
        var layer = new SemanticSafetyLayer(
            services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            new ExampleVectors((texts, cancellationToken) => store.GetOrEncodeAsync("safety-examples", texts, cancellationToken)),
            options);
        var holder = services.GetRequiredService<KnowledgeHolder>();
        var logger = services.GetService<ILogger<SemanticSafetyLayer>>() ?? NullLogger<SemanticSafetyLayer>.Instance;
        holder.Reloaded += reload =>
        {
            if (reload.Served)
            {
                Prepare(layer, holder.Current, logger);
            }
        };
        // The first index is built here, when the host resolves the answerer at start: no patient waits for it.
        var index = BuildThread.Run(() => layer.IndexAsync(holder.Current, CancellationToken.None)).GetAwaiter().GetResult();
        Log(logger, index);
        return layer;
    }

    private static void Prepare(SemanticSafetyLayer layer, KnowledgeBase kb, ILogger logger) =>
        _ = BuildThread.Run(async () =>
        {
            try
            {
                Log(logger, await layer.IndexAsync(kb, CancellationToken.None));
            }
            catch (Exception ex)
            {
                // The next message tries to build it again; if it still cannot, that message is triaged by the rules and its trace says so.
                logger.LogError(ex, "The semantic safety layer's index could not be built in the background");
            }
        });

    private static void Log(ILogger logger, ExampleIndex index)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Semantic safety layer ready: {Examples} examples; thresholds {Thresholds}", index.Count,
                string.Join("; ", index.Thresholds.Select(t => $"{t.Category}: p>={t.Probability:0.00}, nearest>={t.Similarity:0.00} (examples out of fold: recall {t.Recall:0.00}, others raised {t.FalseRaises:0.00})")));
        }
    }

    /// <summary>Hybrid ranking over the sentence encoder: the approved snippets are embedded (through
    /// the on-disk vector store) and the snippet classifier trained at start, before the first
    /// patient, and again after each served reload, in the background, while the lexical ranking
    /// serves the new snapshot. A build that fails leaves the lexical ranking (logged, tried again
    /// by the next question).</summary>
    private static SemanticRanker Ranker(IServiceProvider services, IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        var holder = services.GetRequiredService<KnowledgeHolder>();
        var logger = services.GetService<ILogger<SemanticRanker>>() ?? NullLogger<SemanticRanker>.Instance;
        var store = services.GetService<EmbeddingStore>();
        StoredVectors stored = store is not null
            ? store.GetOrEncodeAsync
            : async (_, texts, cancellationToken) => [.. (await embeddings.GenerateAsync(texts, cancellationToken: cancellationToken)).Select(e => e.Vector)];
        var ranker = new SemanticRanker(embeddings, stored, services.GetRequiredService<IOptions<RetrievalOptions>>().Value.Hybrid,
            services.GetRequiredService<IOptions<SemanticSafetyOptions>>().Value.MaxPieces, logger);
        holder.Reloaded += reload =>
        {
            if (reload.Served)
            {
                _ = ranker.Prepare(holder.Current);
            }
        };
        try
        {
            ranker.Prepare(holder.Current).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Hybrid retrieval could not be built at start; the lexical ranking serves until it can");
        }

        return ranker;
    }

    /// <summary>The generative composer over a configured chat model; its prompt is parsed once.</summary>
    private static AnswerGenerator Generator(IServiceProvider services, IChatClient chat, AiOptions ai)
    {
        var clinic = services.GetRequiredService<IOptions<ClinicOptions>>().Value;
        var prompt = PromptDirectory.LoadAsync(ai.AnswerPrompt, CancellationToken.None).GetAwaiter().GetResult();
        var settings = new GenerationSettings(ai.ChatModel ?? chat.GetService<ChatClientMetadata>()?.DefaultModelId ?? "chat client", TimeSpan.FromMilliseconds(ai.AnswerTimeoutMilliseconds),
            ai.MaxOutputTokens, ai.MaxSnippets, clinic.Name);
        return new AnswerGenerator(chat, prompt, new AnswerVerifier(), settings, services.GetRequiredService<TimeProvider>());
    }

    /// <summary>The safety classifier over a configured chat model; its prompt is rendered once.</summary>
    private static ModelSafetyClassifier Classifier(IServiceProvider services, IChatClient chat)
    {
        var safety = services.GetRequiredService<IOptions<SafetyOptions>>().Value;
        var clinic = services.GetRequiredService<IOptions<ClinicOptions>>().Value;
        var prompt = SafetyPrompt.LoadAsync(safety.ClassifierPrompt, new Dictionary<string, object?> { ["clinicName"] = clinic.Name }, CancellationToken.None)
            .GetAwaiter().GetResult();
        return new ModelSafetyClassifier(chat, prompt, TimeSpan.FromMilliseconds(safety.ModelTimeoutMilliseconds));
    }
}
