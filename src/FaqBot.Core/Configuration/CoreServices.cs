using FaqBot.Core.Answering;
using FaqBot.Core.Handoff;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Safety;
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
        services.AddOptions<SafetyOptions>().Bind(configuration.GetSection(SafetyOptions.Section)).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.ClassifierPrompt = ContentRoot.Resolve(contentRoot, o.ClassifierPrompt));
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
            sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } generator ? new SemanticRanker(generator) : null,
            sp.GetService<IChatClient>() is { } chat ? Classifier(sp, chat) : null));
        return services;
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
