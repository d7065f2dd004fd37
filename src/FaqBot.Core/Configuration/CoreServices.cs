using FaqBot.Core.Answering;
using FaqBot.Core.Handoff;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Retrieval;
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
    /// <summary>Binds and validates the Core options, and registers the knowledge holder and the
    /// answerer. Hybrid ranking is switched on when an embedding generator is registered.</summary>
    public static IServiceCollection AddFaqBotCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<ClinicOptions>().Bind(configuration.GetSection(ClinicOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.Section)).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.Path = ContentRoot.Resolve(contentRoot, o.Path));
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InputOptions>().Bind(configuration.GetSection(InputOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHandoffSink>(sp => new LoggingHandoffSink(
            sp.GetService<ILogger<LoggingHandoffSink>>() ?? NullLogger<LoggingHandoffSink>.Instance));
        services.AddSingleton<KnowledgeHolder>();
        services.AddSingleton(sp => new Answerer(
            sp.GetRequiredService<KnowledgeHolder>(),
            sp.GetRequiredService<IOptions<RetrievalOptions>>(),
            sp.GetRequiredService<IOptions<InputOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IHandoffSink>(),
            sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } generator ? new SemanticRanker(generator) : null));
        return services;
    }
}
