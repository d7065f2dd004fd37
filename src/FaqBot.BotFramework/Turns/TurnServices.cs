using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.BotFramework.Turns;

public static class TurnServices
{
    /// <summary>Registers the bot and the pipeline every channel runs it through. Middleware are
    /// registered as <see cref="ITurnMiddleware"/> and run in registration order.</summary>
    public static IServiceCollection AddBot<TBot>(this IServiceCollection services, TurnErrorHandler onError)
        where TBot : class, IBot =>
        services.AddBot<TBot>(_ => onError);

    /// <summary>As above, with an error handler built from the services.</summary>
    public static IServiceCollection AddBot<TBot>(this IServiceCollection services, Func<IServiceProvider, TurnErrorHandler> onError)
        where TBot : class, IBot
    {
        services.AddSingleton<IBot, TBot>();
        services.AddSingleton(onError);
        services.AddSingleton<TurnPipeline>();
        return services;
    }
}
