using System.ComponentModel.DataAnnotations;

namespace FaqBot.Web.Security;

/// <summary>Section <c>RateLimits</c>: requests allowed per minute, per client.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>New chats a single IP address may open through <c>/api/chat-token</c>.</summary>
    [Range(1, 1_000_000)]
    public int ChatTokensPerMinute { get; set; } = 10;

    /// <summary>Direct Line calls per token (posting and polling at the page's 1-second interval is about 70).</summary>
    [Range(1, 100_000_000)]
    public int DirectLinePerMinute { get; set; } = 300;

    /// <summary>Calls to <c>/api/messages</c> per IP address.</summary>
    [Range(1, 100_000_000)]
    public int MessagesPerMinute { get; set; } = 1200;
}

/// <summary>Section <c>Cors</c>: off unless origins are listed (the page is served from the same origin).</summary>
public sealed class CorsOptions
{
    public const string Section = "Cors";

    public string[] AllowedOrigins { get; set; } = [];
}
