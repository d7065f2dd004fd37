using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>What a bearer credential allows: the secret allows everything; a token allows one
/// conversation as one user until it expires.</summary>
public sealed record DirectLineGrant(string? ConversationId, string? UserId, DateTimeOffset Expires)
{
    public bool IsSecret => ConversationId is null;

    public bool Allows(string conversationId) => IsSecret || string.Equals(ConversationId, conversationId, StringComparison.Ordinal);
}

public sealed record IssuedToken(string Token, string ConversationId, int ExpiresInSeconds);

/// <summary>Issues random tokens (256 bits) bound to one conversation and user, and checks the
/// bearer credentials of Direct Line calls. Refreshing issues a new token for the same binding.</summary>
public sealed class DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineGrant> _grants = new(StringComparer.Ordinal);
    private readonly string _secret = options.Value.Secret;
    private readonly TimeSpan _lifetime = TimeSpan.FromMinutes(options.Value.TokenLifetimeMinutes);

    public IssuedToken Issue(string conversationId, string userId)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        _grants[token] = new DirectLineGrant(conversationId, userId, time.GetUtcNow() + _lifetime);
        return new IssuedToken(token, conversationId, (int)_lifetime.TotalSeconds);
    }

    /// <summary>The grant behind an <c>Authorization: Bearer</c> header, or null when it is missing,
    /// unknown or expired.</summary>
    public DirectLineGrant? Authorize(string? authorizationHeader)
    {
        const string Scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var credential = authorizationHeader[Scheme.Length..].Trim();
        if (_secret.Length > 0 && CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(credential.AsSpan()), MemoryMarshal.AsBytes(_secret.AsSpan())))
        {
            return new DirectLineGrant(null, null, DateTimeOffset.MaxValue);
        }

        return _grants.TryGetValue(credential, out var grant) && grant.Expires > time.GetUtcNow() ? grant : null;
    }

    /// <summary>Drops expired tokens; returns how many.</summary>
    public int Sweep()
    {
        var now = time.GetUtcNow();
        var removed = 0;
        foreach (var (token, grant) in _grants)
        {
            if (grant.Expires <= now && _grants.TryRemove(token, out _))
            {
                removed++;
            }
        }

        return removed;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
