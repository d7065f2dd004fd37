using System.Collections;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.BotFramework.Connector;

/// <summary>Inbound authentication of the Bot Connector service: a JwtBearer scheme that checks
/// signature (keys from the OpenID metadata), issuer, audience (the app id) and lifetime, and adds
/// the signing key's endorsements (the channels it may speak for) as claims.</summary>
public static class ConnectorAuth
{
    /// <summary>The authentication scheme; it only ever authenticates <c>/api/messages</c>.</summary>
    public const string Scheme = "BotConnector";

    /// <summary>The claim the service signs its <c>serviceUrl</c> into.</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>One claim per channel id the signing key is endorsed for.</summary>
    public const string EndorsementClaim = "endorsement";

    internal static void Configure(JwtBearerOptions jwt, BotFrameworkOptions bot)
    {
        jwt.MetadataAddress = bot.OpenIdMetadataUrl;
        jwt.RequireHttpsMetadata = !(Uri.TryCreate(bot.OpenIdMetadataUrl, UriKind.Absolute, out var metadata) && metadata.IsLoopback);
        jwt.MapInboundClaims = false;
        jwt.SaveToken = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = bot.EffectiveIssuers(),
            ValidateAudience = true,
            ValidAudience = bot.MicrosoftAppId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(bot.ClockSkewMinutes),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
        };
        jwt.Events = new JwtBearerEvents
        {
            OnMessageReceived = context => OnlyBotMessages(context, bot),
            OnTokenValidated = AddEndorsementsAsync,
        };
    }

    /// <summary>The host's <c>UseAuthentication</c> may run this scheme on every request (it becomes
    /// the default when it is the only one); it looks at no token outside the bot endpoint, and at
    /// none in local mode.</summary>
    private static Task OnlyBotMessages(MessageReceivedContext context, BotFrameworkOptions bot)
    {
        if (!bot.AuthEnabled || context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<BotMessagesEndpoint>() is null)
        {
            context.NoResult();
        }

        return Task.CompletedTask;
    }

    /// <summary>Finds the signing key's JWK in the metadata's key set by <c>kid</c> and copies its
    /// <c>endorsements</c> into claims. A key without endorsements gives none (and 403 later).</summary>
    private static async Task AddEndorsementsAsync(TokenValidatedContext context)
    {
        var kid = context.SecurityToken?.SigningKey?.KeyId ?? (context.SecurityToken as JsonWebToken)?.Kid;
        if (string.IsNullOrEmpty(kid) || context.Principal?.Identity is not ClaimsIdentity identity || context.Options.ConfigurationManager is null)
        {
            return;
        }

        var configuration = await context.Options.ConfigurationManager.GetConfigurationAsync(context.HttpContext.RequestAborted);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is not null && key.AdditionalData.TryGetValue("endorsements", out var endorsements))
        {
            foreach (var channel in Strings(endorsements))
            {
                identity.AddClaim(new Claim(EndorsementClaim, channel));
            }
        }
    }

    /// <summary>IdentityModel 8 keeps unknown JWK members as <see cref="JsonElement"/>; earlier
    /// versions gave lists of objects.</summary>
    private static IEnumerable<string> Strings(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        string => [],
        IEnumerable items => items.Cast<object?>().SelectMany(item => item switch
        {
            string s => [s],
            JsonElement { ValueKind: JsonValueKind.String } e => [e.GetString()!],
            _ => Array.Empty<string>(),
        }),
        _ => [],
    };
}

/// <summary>Marks the endpoint the <see cref="ConnectorAuth.Scheme"/> scheme authenticates.</summary>
internal sealed class BotMessagesEndpoint
{
    public static readonly BotMessagesEndpoint Instance = new();
}
