using FaqBot.BotFramework.Turns;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Connector;

public static class ConnectorServices
{
    /// <summary>The HttpClient used for tokens and replies (tests swap its primary handler).</summary>
    public const string HttpClientName = "BotConnector";

    /// <summary>The Azure Bot Service channel with its validated options: the
    /// <see cref="ConnectorAuth.Scheme"/> authentication scheme (never the default for other
    /// endpoints), the outbound token and reply client, the queue and its worker. The bot
    /// (<see cref="IBot"/>) and the turn pipeline are registered by the host.</summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotFrameworkOptions>().Bind(configuration.GetSection(BotFrameworkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddAuthentication().AddJwtBearer(ConnectorAuth.Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(ConnectorAuth.Scheme)
            .Configure<IOptions<BotFrameworkOptions>>((jwt, bot) => ConnectorAuth.Configure(jwt, bot.Value));

        // One client each for the life of the app; pooled connections are renewed so DNS changes are seen.
        services.AddHttpClient(HttpClientName)
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ConnectorTokenProvider>(sp, Client(sp)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ConnectorReplyChannel>(sp, Client(sp)));

        services.AddSingleton<ConnectorInbox>();
        services.AddHostedService<ConnectorWorker>();
        return services;
    }

    private static HttpClient Client(IServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
}
