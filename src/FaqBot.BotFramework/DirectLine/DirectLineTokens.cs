using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>What a bearer credential allows: the secret allows everything; a token allows one
/// conversation as one user until it expires. <see cref="Generation"/> says which of the
/// conversation's tokens was shown and <see cref="Token"/> is that token (both unset for the secret).</summary>
public sealed record DirectLineGrant(string? ConversationId, string? UserId, DateTimeOffset Expires, int Generation = 0, string? Token = null)
{
    public static DirectLineGrant Secret { get; } = new(null, null, DateTimeOffset.MaxValue);

    public bool IsSecret => ConversationId is null;

    public bool Allows(string conversationId) => IsSecret || string.Equals(ConversationId, conversationId, StringComparison.Ordinal);
}

public sealed record IssuedToken(string Token, string ConversationId, int ExpiresInSeconds);

/// <summary>What <c>tokens/refresh</c> gave: a new token; or, when it is too soon to refresh
/// again, how long until it may be; or neither, when the token shown is not the newest.</summary>
public sealed record TokenRefresh(IssuedToken? Issued, TimeSpan? RetryAfter);

/// <summary>A conversation's credential, as a store would keep it (one row per conversation):
/// whose it is, the generation of its current token with that token's hash, issue time and
/// expiry, and the hash of the token it replaced with the moment that one stops working.
/// Tokens themselves are never kept.</summary>
public sealed record ConversationGrant(
    string ConversationId,
    string UserId,
    int Generation,
    byte[] TokenHash,
    DateTimeOffset IssuedAt,
    DateTimeOffset Expires,
    byte[]? ReplacedHash,
    DateTimeOffset ReplacedUntil);

/// <summary>Issues the tokens of Direct Line conversations and checks bearer credentials. A
/// conversation has one grant and so one budget however often its token is refreshed: a refresh
/// replaces the token (a new generation), the replaced one keeps working only for a short grace
/// for calls already in flight, and a conversation's token can be refreshed at most once every
/// <see cref="DirectLineOptions.MinSecondsBetweenRefreshes"/>. A token is its conversation's id
/// and 256 random bits, so a grant is found by conversation. With a shared store (several hosts)
/// the grant is read from the store on every request and a refresh is kept only when no other host
/// refreshed first, so a token replaced on one host stops working on all of them.</summary>
public sealed class DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider time, IDirectLineStore? store = null)
{
    private readonly IDirectLineStore _store = store ?? IDirectLineStore.None;

    private const char Separator = '~';

    private readonly ConcurrentDictionary<string, ConversationGrant> _grants = new(StringComparer.Ordinal);
    private readonly string _secret = options.Value.Secret;
    private readonly TimeSpan _lifetime = TimeSpan.FromMinutes(options.Value.TokenLifetimeMinutes);
    private readonly TimeSpan _refreshInterval = TimeSpan.FromSeconds(options.Value.MinSecondsBetweenRefreshes);
    private readonly TimeSpan _grace = TimeSpan.FromSeconds(options.Value.ReplacedTokenGraceSeconds);

    /// <summary>A token for the conversation: its first, or (asked with the secret for a
    /// conversation that has one) the next generation, which replaces the current token.</summary>
    public async Task<IssuedToken> IssueAsync(string conversationId, string userId)
    {
        var now = time.GetUtcNow();
        var token = NewToken(conversationId);
        for (var attempt = 0; ; attempt++)
        {
            var current = await GrantAsync(conversationId).ConfigureAwait(false);
            var grant = current is { } held ? Replace(held, token, now) : new ConversationGrant(conversationId, userId, 1, Hash(token), now, now + _lifetime, null, default);
            var kept = current is null ? _grants.TryAdd(conversationId, grant) : _grants.TryUpdate(conversationId, grant, current);
            if (kept && await _store.SaveGrantAsync(grant).ConfigureAwait(false))
            {
                return new IssuedToken(token, conversationId, (int)_lifetime.TotalSeconds);
            }

            // Another call or another host issued a newer generation meanwhile: build on that one.
            if (kept)
            {
                _grants.TryRemove(new KeyValuePair<string, ConversationGrant>(conversationId, grant));
            }

            if (attempt == 2)
            {
                throw new InvalidOperationException($"The token of conversation {conversationId} is being replaced elsewhere; try again.");
            }
        }
    }

    /// <summary>Replaces the newest token of <paramref name="shown"/>'s conversation with a new one,
    /// unless the token shown is not the newest or the last one was issued too recently.</summary>
    public async Task<TokenRefresh> RefreshAsync(DirectLineGrant shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        if (shown.ConversationId is not { } id || await GrantAsync(id).ConfigureAwait(false) is not { } current || current.Generation != shown.Generation)
        {
            return new TokenRefresh(null, null);
        }

        var now = time.GetUtcNow();
        var allowedAt = current.IssuedAt + _refreshInterval;
        if (now < allowedAt)
        {
            return new TokenRefresh(null, allowedAt - now);
        }

        var token = NewToken(id);
        var replaced = Replace(current, token, now);
        if (!_grants.TryUpdate(id, replaced, current) || !await _store.SaveGrantAsync(replaced).ConfigureAwait(false))
        {
            return new TokenRefresh(null, null);
        }

        return new TokenRefresh(new IssuedToken(token, id, (int)_lifetime.TotalSeconds), null);
    }

    /// <summary>The grant behind a request's <c>Authorization</c> header, worked out once per
    /// request (<see cref="DirectLineEndpoints.UseDirectLineCredentials"/> does it before the rate
    /// limiter runs): the rate limiter and the endpoint see the same caller.</summary>
    public async ValueTask<DirectLineGrant?> AuthorizeAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var features = request.HttpContext.Features;
        if (features.Get<Authorized>() is { } known)
        {
            return known.Grant;
        }

        var grant = await AuthorizeAsync(request.Headers.Authorization).ConfigureAwait(false);
        features.Set(new Authorized(grant));
        return grant;
    }

    /// <summary>What <see cref="AuthorizeAsync(HttpRequest)"/> already found for this request; null
    /// also when it has not run.</summary>
    public static DirectLineGrant? CheckedGrant(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Features.Get<Authorized>()?.Grant;
    }

    /// <summary>The grant behind an <c>Authorization</c> header (read by
    /// <see cref="BearerCredential"/>), or null when it is missing, unknown, replaced or expired.</summary>
    public async Task<DirectLineGrant?> AuthorizeAsync(StringValues authorizationHeader)
    {
        if (BearerCredential.Parse(authorizationHeader) is not { } credential)
        {
            return null;
        }

        if (_secret.Length > 0 && CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(credential.AsSpan()), MemoryMarshal.AsBytes(_secret.AsSpan())))
        {
            return DirectLineGrant.Secret;
        }

        var separator = credential.LastIndexOf(Separator);
        if (separator <= 0 || await GrantAsync(credential[..separator]).ConfigureAwait(false) is not { } grant)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var hash = Hash(credential);
        if (now < grant.Expires && CryptographicOperations.FixedTimeEquals(hash, grant.TokenHash))
        {
            return new DirectLineGrant(grant.ConversationId, grant.UserId, grant.Expires, grant.Generation, credential);
        }

        return grant.ReplacedHash is { } replaced && now < grant.ReplacedUntil && CryptographicOperations.FixedTimeEquals(hash, replaced)
            ? new DirectLineGrant(grant.ConversationId, grant.UserId, grant.ReplacedUntil, grant.Generation - 1, credential)
            : null;
    }

    /// <summary>Drops the grants whose newest token has expired; returns how many.</summary>
    public int Sweep()
    {
        var now = time.GetUtcNow();
        var removed = 0;
        foreach (var (id, grant) in _grants)
        {
            if (grant.Expires <= now && _grants.TryRemove(new KeyValuePair<string, ConversationGrant>(id, grant)))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>The conversation's grant: held in memory, or read back from the store (after a restart).</summary>
    private async Task<ConversationGrant?> GrantAsync(string conversationId)
    {
        if (!_store.Shared && _grants.TryGetValue(conversationId, out var grant))
        {
            return grant;
        }

        if (await _store.LoadGrantAsync(conversationId).ConfigureAwait(false) is not { } stored || stored.Expires <= time.GetUtcNow())
        {
            if (_store.Shared)
            {
                _grants.TryRemove(conversationId, out _); // the store is the truth: a copy held here is stale
            }

            return null;
        }

        return _store.Shared ? _grants.AddOrUpdate(conversationId, stored, (_, _) => stored) : _grants.GetOrAdd(conversationId, stored);
    }

    private ConversationGrant Replace(ConversationGrant current, string token, DateTimeOffset now) => current with
    {
        Generation = current.Generation + 1,
        TokenHash = Hash(token),
        IssuedAt = now,
        Expires = now + _lifetime,
        ReplacedHash = current.TokenHash,
        ReplacedUntil = Min(now + _grace, current.Expires),
    };

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string NewToken(string conversationId) =>
        conversationId + Separator + Base64Url(RandomNumberGenerator.GetBytes(32));

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Authorized(DirectLineGrant? Grant);
}
