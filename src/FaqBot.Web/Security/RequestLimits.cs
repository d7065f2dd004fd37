using System.Globalization;
using System.Threading.RateLimiting;
using FaqBot.BotFramework.DirectLine;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Security;

/// <summary>Per-client rate limits (ASP.NET Core's rate limiter; a limit of N per minute allows at
/// most N requests in any minute, and a 429 says in Retry-After when the next one will be allowed)
/// and CORS, which stays off unless <c>Cors:AllowedOrigins</c> lists origins.</summary>
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
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                    context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(ChatTokenPolicy, http => PerMinute(http, ClientAddress(http), Limits(http).ChatTokensPerMinute));
            limiter.AddPolicy(DirectLinePolicy, http => PerMinute(http, DirectLineCaller(http), Limits(http).DirectLinePerMinute));
            limiter.AddPolicy(MessagesPolicy, http => PerMinute(http, ClientAddress(http), Limits(http).MessagesPerMinute));
        });

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<CorsOptions>>((cors, configured) => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(configured.Value.AllowedOrigins)
                .WithMethods("GET", "POST", "OPTIONS")
                .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent")));
        return services;
    }

    /// <summary>At most <paramref name="perMinute"/> requests in any minute for one key (see
    /// <see cref="RollingWindowLimiter"/>); the staff sign-in form uses it too.</summary>
    public static RateLimitPartition<string> PerMinute(HttpContext http, string key, int perMinute)
    {
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        return RateLimitPartition.Get(key, _ => new RollingWindowLimiter(perMinute, TimeSpan.FromMinutes(1), time));
    }

    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    /// <summary>Direct Line callers are told apart as authentication tells them apart (the same
    /// reading of the header, done once per request, before the limiter, by
    /// <see cref="DirectLineEndpoints.UseDirectLineCredentials"/>): a token by its conversation, so
    /// every token the conversation is refreshed to shares one budget, and a clinic network behind
    /// one address does not; the secret has a budget of its own; a call whose header does not
    /// authenticate goes by address, as does any call the credential check has not seen.</summary>
    private static string DirectLineCaller(HttpContext http) =>
        DirectLineTokens.CheckedGrant(http.Request) switch
        {
            { IsSecret: true } => "secret",
            { ConversationId: { } conversationId } => "conversation:" + conversationId,
            _ => "address:" + ClientAddress(http),
        };
}
