using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.BotFramework.Turns;

public static class TurnServices
{
    /// <summary>Registers the bot and the pipeline every channel runs it through. Middleware are
    /// registered as <see cref="IMiddleware"/> and run in registration order.</summary>
    public static IServiceCollection AddBot<TBot>(this IServiceCollection services, TurnErrorHandler onError)
        where TBot : class, IBot
    {
        services.AddSingleton<IBot, TBot>();
        services.AddSingleton(onError);
        services.AddSingleton<TurnPipeline>();
        return services;
    }
}
