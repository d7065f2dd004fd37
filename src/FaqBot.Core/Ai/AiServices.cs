using FaqBot.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Ai;

public static class AiServices
{
    /// <summary>Binds and validates the <c>Ai</c> section and registers <see cref="AiModels"/>: the
    /// provider's chat client and embedding generator, or none, in which case every feature that
    /// would use a model keeps its model-free path.</summary>
    public static IServiceCollection AddFaqBotAi(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<AiOptions>().Bind(configuration.GetSection(AiOptions.Section)).ValidateDataAnnotations()
            .Validate(_ => !KeyInSettingsFile(configuration),
                "Ai:ApiKey is set in a settings file: keys come from the environment (Ai__ApiKey) or a secret store, never from a file in the repository.")
            .ValidateOnStart()
            .PostConfigure(o => o.AnswerPrompt = string.IsNullOrWhiteSpace(o.AnswerPrompt) ? o.AnswerPrompt : ContentRoot.Resolve(contentRoot, o.AnswerPrompt));

        services.AddSingleton(sp => AiModels.From(sp.GetRequiredService<IOptions<AiOptions>>().Value));
        return services;
    }

    /// <summary>Whether a settings file holds a non-empty <c>Ai:ApiKey</c>.</summary>
    private static bool KeyInSettingsFile(IConfiguration configuration) =>
        configuration is IConfigurationRoot root
        && root.Providers.OfType<FileConfigurationProvider>().Any(provider =>
            provider.TryGet($"{AiOptions.Section}:{nameof(AiOptions.ApiKey)}", out var key) && !string.IsNullOrWhiteSpace(key));
}
