using System.ComponentModel.DataAnnotations;

namespace FaqBot.BotFramework.Connector;

/// <summary>Section <c>BotFramework</c>: the Azure Bot Service channel (<c>/api/messages</c>).
/// With no <see cref="MicrosoftAppId"/> the channel runs in local (Emulator) mode: requests without
/// an <c>Authorization</c> header are accepted and replies are sent without one.</summary>
public sealed class BotFrameworkOptions
{
    public const string Section = "BotFramework";

    public const string DefaultIssuer = "https://api.botframework.com";

    public const string DefaultTenant = "botframework.com";

    /// <summary>The bot's Entra ID app id: the audience inbound tokens must carry and the client id
    /// of outbound tokens. Empty turns authentication off (local mode).</summary>
    public string MicrosoftAppId { get; set; } = "";

    /// <summary>The app's client secret. Set it from the environment
    /// (<c>BotFramework__MicrosoftAppPassword</c>), never in a file.</summary>
    public string MicrosoftAppPassword { get; set; } = "";

    /// <summary>The tenant outbound tokens are asked from: the bot's tenant for a single-tenant bot.
    /// Empty means <c>botframework.com</c> (legacy multi-tenant).</summary>
    public string MicrosoftAppTenantId { get; set; } = "";

    /// <summary>Where the keys that sign the Bot Connector's tokens are published.</summary>
    [Required(AllowEmptyStrings = false)]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Accepted <c>iss</c> values. Empty means <c>https://api.botframework.com</c>.</summary>
    public List<string> ValidIssuers { get; set; } = [];

    /// <summary>The client-credentials token endpoint; <c>{tenant}</c> is replaced by the tenant.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TokenEndpointTemplate { get; set; } = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token";

    [Required(AllowEmptyStrings = false)]
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Largest activity the service may post, in bytes (413 above it).</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Tolerance on the inbound token's lifetime.</summary>
    [Range(0, 60)]
    public int ClockSkewMinutes { get; set; } = 5;

    /// <summary>Activities accepted but not yet handled, across all workers (503 above it).</summary>
    [Range(1, 100000)]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>How many recently accepted activities are remembered (by conversation and activity
    /// id) so that a redelivery is acknowledged without running its turn again. 0 turns this off.</summary>
    [Range(0, 1_000_000)]
    public int RememberedActivityIds { get; set; } = 10_000;

    /// <summary>Turns run at the same time. Activities of one conversation always run in order.</summary>
    [Range(1, 64)]
    public int MaxConcurrentTurns { get; set; } = 4;

    public bool AuthEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public IReadOnlyList<string> EffectiveIssuers() => ValidIssuers.Count > 0 ? ValidIssuers : [DefaultIssuer];

    public Uri TokenEndpoint()
    {
        var tenant = string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? DefaultTenant : MicrosoftAppTenantId.Trim();
        return new Uri(TokenEndpointTemplate.Replace("{tenant}", Uri.EscapeDataString(tenant), StringComparison.Ordinal), UriKind.Absolute);
    }
}
