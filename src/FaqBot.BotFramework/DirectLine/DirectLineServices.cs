using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.BotFramework.DirectLine;

public static class DirectLineServices
{
    /// <summary>The Direct Line channel with its validated options; the bot (<see cref="IBot"/>)
    /// and the turn pipeline are registered by the host.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(IDirectLineStore.None);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineChannel>();
        services.AddHostedService<DirectLineSweeper>();
        return services;
    }
}
