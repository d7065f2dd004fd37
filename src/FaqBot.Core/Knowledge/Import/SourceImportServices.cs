using FaqBot.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Knowledge.Import;

public static class SourceImportServices
{
    /// <summary>Binds and validates <see cref="SourceImportOptions"/> (section <c>Sources</c>) and
    /// registers the <see cref="SourceImporter"/> of the configured knowledge folder.</summary>
    public static IServiceCollection AddSourceImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourceImportOptions>().Bind(configuration.GetSection(SourceImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SourceImporter(
            sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Path,
            sp.GetRequiredService<IOptions<SourceImportOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
