using FaqBot.Core.Configuration;
using FaqBot.Core.Embeddings;
using FaqBot.Storage.Database;
using FaqBot.Storage.KeyRing;
using FaqBot.Storage.PostgreSql;
using FaqBot.Storage.Knowledge;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Transcripts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage;

public static class StorageServices
{
    /// <summary>The database (<c>Storage:Provider</c>: the embedded SQLite file, its folder resolved against the content root), the
    /// data-protection key ring and the sentence encoder's vector files beside it (unless
    /// <c>Embeddings:CachePath</c> names another folder), and the transcript store over both (patient text encrypted
    /// at rest with those keys), with their options validated at start. The web host and the command
    /// line both build their storage here, so each reads what the other wrote.</summary>
    public static IServiceCollection AddFaqBotStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure(o =>
            {
                o.DataPath = ContentRoot.Resolve(contentRoot, o.DataPath);
                o.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName) ?? "";
            });
        services.AddOptions<TranscriptOptions>().Bind(configuration.GetSection(TranscriptOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddKeyRing(configuration, contentRoot);
        services.AddOptions<EmbeddingOptions>().PostConfigure<IOptions<StorageOptions>>((options, storage) =>
            options.CachePath = options.CachePath.Length == 0 ? Path.Combine(storage.Value.DataPath, EmbeddingOptions.DefaultFolder) : options.CachePath);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<IStoreDatabase>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value is { IsPostgreSql: true } storage
            ? new PostgreSqlDatabase(storage.ConnectionString)
            : sp.GetRequiredService<SqliteDatabase>());
        services.TryAddSingleton<StoredText>();
        services.TryAddSingleton<Handoffs.CallbackContacts>();
        services.TryAddSingleton<TranscriptStore>();
        services.TryAddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<TranscriptStore>());
        services.TryAddSingleton<SnippetHistory>();
        services.TryAddSingleton<KnowledgeGeneration>();
        return services;
    }
}
