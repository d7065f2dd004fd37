using FaqBot.Core.Ai;
using FaqBot.Core.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Embeddings;

public static class EmbeddingServices
{
    /// <summary>
    /// Binds and validates the <c>Embeddings</c> section and registers the sentence encoder as the
    /// one <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>, behind a cache of recent texts, with
    /// the <see cref="EmbeddingStore"/> for fixed sets of texts. The generator is the <c>Ai</c>
    /// section's embedding model when one is configured, else the embedded model of
    /// <c>Embeddings:Model</c>; with neither (<c>None</c> and no <c>Ai</c> model) nothing is
    /// registered and the features that would use it keep their model-free path. The hosts resolve
    /// the generator at start, so a model that cannot load stops the start
    /// (<see cref="EmbeddingModelLoadException"/>). Uses the <c>Ai</c> models of <c>AddFaqBotCore</c>.
    /// </summary>
    public static IServiceCollection AddFaqBotEmbeddings(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(EmbeddingOptions.Section);
        services.AddOptions<EmbeddingOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.CachePath = o.CachePath.Length == 0 ? "" : ContentRoot.Resolve(contentRoot, o.CachePath));

        // Whether there is a generator at all is read from the same settings now, so that a host
        // without one has none to resolve; the options above validate those settings at start.
        var aiModel = configuration.GetSection(AiOptions.Section).Get<AiOptions>()?.HasEmbeddingModel ?? false;
        var embedded = section.GetValue(nameof(EmbeddingOptions.Model), new EmbeddingOptions().Model);
        if (!aiModel && embedded == EmbeddedModel.None)
        {
            return services;
        }

        if (!aiModel)
        {
            services.TryAddSingleton(sp => EmbeddedSentenceEncoder.Load(SentenceModel.For(embedded), sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value));
        }

        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => new RecentEmbeddingCache(
            aiModel ? sp.GetRequiredService<AiModels>().Embeddings! : sp.GetRequiredService<EmbeddedSentenceEncoder>(),
            sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value.CacheCapacity));
        services.TryAddSingleton(sp => new EmbeddingStore(
            sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            sp.GetRequiredService<IOptions<EmbeddingOptions>>(),
            sp.GetService<ILogger<EmbeddingStore>>() ?? NullLogger<EmbeddingStore>.Instance));
        return services;
    }
}
