using FaqBot.Core.Knowledge;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaqBot.Web.Health;

/// <summary><c>GET /health</c>: healthy when a knowledge base is loaded and serves at least one snippet.</summary>
public static class HealthEndpoints
{
    public const string Path = "/health";

    public static IServiceCollection AddFaqBotHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<KnowledgeHealthCheck>("knowledge");
        return services;
    }

    public static IEndpointConventionBuilder MapFaqBotHealth(this IEndpointRouteBuilder app) => app.MapHealthChecks(Path);

    private sealed class KnowledgeHealthCheck(KnowledgeHolder knowledge, TimeProvider time) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var today = time.Today();
            var serving = knowledge.Current.Snippets.Count(s => s.IsServable(today));
            return Task.FromResult(serving > 0
                ? HealthCheckResult.Healthy($"{serving} approved snippets serving")
                : HealthCheckResult.Unhealthy("no approved snippet is serving"));
        }
    }
}
