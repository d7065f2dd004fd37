using FaqBot.Core.Configuration;
using FaqBot.Storage.KeyRing;
using FaqBot.Storage.Knowledge;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Transcripts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FaqBot.Storage;

public static class StorageServices
{
    /// <summary>The embedded database (its folder resolved against the content root), the
    /// data-protection key ring beside it and the transcript store over both (patient text encrypted
    /// at rest with those keys), with their options validated at start. The web host and the command
    /// line both build their storage here, so each reads what the other wrote.</summary>
    public static IServiceCollection AddFaqBotStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o => o.DataPath = ContentRoot.Resolve(contentRoot, o.DataPath));
        services.AddOptions<TranscriptOptions>().Bind(configuration.GetSection(TranscriptOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddKeyRing(configuration, contentRoot);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<StoredText>();
        services.TryAddSingleton<SqliteTranscriptStore>();
        services.TryAddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<SqliteTranscriptStore>());
        services.TryAddSingleton<SnippetHistory>();
        return services;
    }
}
