using FaqBot.Core.Configuration;
using FaqBot.Storage.Knowledge;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Transcripts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.Storage;

public static class StorageServices
{
    /// <summary>The embedded database (its folder resolved against the content root) and the
    /// transcript store over it, with their options validated at start.</summary>
    public static IServiceCollection AddFaqBotStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.DataPath = ContentRoot.Resolve(contentRoot, o.DataPath));
        services.AddOptions<TranscriptOptions>().Bind(configuration.GetSection(TranscriptOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<SqliteTranscriptStore>();
        services.TryAddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<SqliteTranscriptStore>());
        services.TryAddSingleton<SnippetHistory>();
        return services;
    }
}
