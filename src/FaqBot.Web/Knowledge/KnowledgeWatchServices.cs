namespace FaqBot.Web.Knowledge;

public static class KnowledgeWatchServices
{
    /// <summary>Hot reload of the knowledge folder, with its options validated at start.</summary>
    public static IServiceCollection AddKnowledgeWatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeWatchOptions>().Bind(configuration.GetSection(KnowledgeWatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<KnowledgeWatcher>();
        services.AddHostedService<KnowledgeFollower>(); // hosts sharing a database follow each other's staff edits
        return services;
    }
}
