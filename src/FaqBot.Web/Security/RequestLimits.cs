using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Security;

/// <summary>Per-client rate limits (ASP.NET Core's rate limiter, 429 with Retry-After) and CORS,
/// which stays off unless <c>Cors:AllowedOrigins</c> lists origins.</summary>
public static class RequestLimits
{
    public const string ChatTokenPolicy = "chat-token";
    public const string DirectLinePolicy = "directline";
    public const string MessagesPolicy = "messages";
    public const string CorsPolicy = "configured-origins";

    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CorsOptions>().Bind(configuration.GetSection(CorsOptions.Section))
            .Validate(o => o.AllowedOrigins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath == "/"),
                "Cors:AllowedOrigins must be absolute origins such as https://clinic.example (no path).")
            .ValidateOnStart();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(ChatTokenPolicy, http => PerMinute(ClientAddress(http), Limits(http).ChatTokensPerMinute));
            limiter.AddPolicy(DirectLinePolicy, http => PerMinute(Credential(http), Limits(http).DirectLinePerMinute));
            limiter.AddPolicy(MessagesPolicy, http => PerMinute(ClientAddress(http), Limits(http).MessagesPerMinute));
        });

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<CorsOptions>>((cors, configured) => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(configured.Value.AllowedOrigins)
                .WithMethods("GET", "POST", "OPTIONS")
                .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent")));
        return services;
    }

    /// <summary>A token bucket refilled every second, holding ten seconds' worth of requests.</summary>
    private static RateLimitPartition<string> PerMinute(string key, int perMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(5, perMinute / 6),
            TokensPerPeriod = Math.Max(1, (perMinute + 59) / 60),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Direct Line clients are told apart by their bearer credential, so one clinic
    /// network behind a single address does not share one budget; calls without one go by address
    /// (an "Authorization" value never looks like an IP address, so the two cannot collide).</summary>
    private static string Credential(HttpContext http) =>
        http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : ClientAddress(http);
}
