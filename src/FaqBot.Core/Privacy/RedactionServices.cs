using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Privacy;

public static class RedactionServices
{
    /// <summary>Binds <see cref="RedactionOptions"/> to the <c>Redaction</c> section, validates it on
    /// start, and registers one <see cref="Redactor"/>.</summary>
    public static IServiceCollection AddRedaction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedactionOptions>().Bind(configuration.GetSection(RedactionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new Redactor(sp.GetRequiredService<IOptions<RedactionOptions>>().Value));
        return services;
    }
}
