using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Privacy;

public static class RedactionServices
{
    /// <summary>Binds <see cref="RedactionOptions"/> to the <c>Redaction</c> section, validates it on
    /// start, and registers one <see cref="Redactor"/> (with the name model unless
    /// <c>Redaction:NameModel</c> is false).</summary>
    public static IServiceCollection AddRedaction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedactionOptions>().Bind(configuration.GetSection(RedactionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RedactionOptions>>().Value;
            return new Redactor(options, options.IsOn(RedactionKind.Name) && options.NameModel ? NameRecogniser.Embedded : null);
        });
        return services;
    }
}
