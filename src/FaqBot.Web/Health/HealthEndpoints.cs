using FaqBot.Core.Knowledge;
using FaqBot.Storage.Database;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaqBot.Web.Health;

/// <summary><c>GET /health</c>: healthy when a knowledge base is loaded and serves at least one
/// snippet. <c>GET /health/ready</c>: that, and the database answers (a load balancer sends no
/// patient to a host whose store it cannot reach: their turns could not be stored), and the host
/// is not draining before it stops (<see cref="ShutdownDrain"/>).</summary>
public static class HealthEndpoints
{
    public const string Path = "/health";

    public const string ReadyPath = "/health/ready";

    private const string ReadyTag = "ready";

    public static IServiceCollection AddFaqBotHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShutdownOptions>().Bind(configuration.GetSection(ShutdownOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ShutdownDrain>();
        services.AddHostedService(provider => provider.GetRequiredService<ShutdownDrain>());
        services.AddHealthChecks()
            .AddCheck<KnowledgeHealthCheck>("knowledge")
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<DrainHealthCheck>("draining", tags: [ReadyTag]);
        return services;
    }

    /// <summary>While the host drains before it stops, every answer closes its connection.</summary>
    public static IApplicationBuilder UseShutdownDrain(this IApplicationBuilder app)
    {
        var drain = app.ApplicationServices.GetRequiredService<ShutdownDrain>();
        return app.Use((context, next) =>
        {
            if (drain.Draining)
            {
                context.Response.Headers.Connection = "close";
            }

            return next(context);
        });
    }

    public static IEndpointConventionBuilder MapFaqBotHealth(this IEndpointRouteBuilder app)
    {
        var ready = app.MapHealthChecks(ReadyPath);
        var live = app.MapHealthChecks(Path, new HealthCheckOptions { Predicate = check => !check.Tags.Contains(ReadyTag) });
        return new Both(live, ready);
    }

    private sealed class Both(IEndpointConventionBuilder first, IEndpointConventionBuilder second) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            first.Add(convention);
            second.Add(convention);
        }
    }

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

    private sealed class DrainHealthCheck(ShutdownDrain drain) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(drain.Draining ? HealthCheckResult.Unhealthy("the host is stopping") : HealthCheckResult.Healthy("serving"));
    }

    /// <summary>The store answers a query.</summary>
    private sealed class DatabaseHealthCheck(IStoreDatabase database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await database.CheckAsync(cancellationToken);
                return HealthCheckResult.Healthy("the database answers");
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException
                or TimeoutException or System.Net.Sockets.SocketException)
            {
                return HealthCheckResult.Unhealthy("the database cannot be reached: " + ex.Message);
            }
        }
    }
}
