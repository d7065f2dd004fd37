using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Connector;

/// <summary>The bot's outbound token: client credentials from the Entra ID token endpoint, kept
/// until shortly before it expires. One request at a time refreshes it.</summary>
public sealed class ConnectorTokenProvider(HttpClient http, IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<ConnectorTokenProvider> log)
    : IDisposable
{
    /// <summary>A token is renewed this long before it expires (half its lifetime if that is shorter).</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowReadingFromString };

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _cached;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Fresh() ?? await FetchAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Fresh() => _cached is { } cached && time.GetUtcNow() < cached.RefreshAt ? cached.Token : null;

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        var bot = options.Value;
        var endpoint = bot.TokenEndpoint();
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", bot.MicrosoftAppId),
            new("client_secret", bot.MicrosoftAppPassword),
            new("scope", bot.OAuthScope),
        ]);
        using var response = await http.PostAsync(endpoint, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await ConnectorReplyChannel.SnippetAsync(response, cancellationToken);
            log.LogError("The token endpoint {Endpoint} answered {Status}: {Detail}", endpoint, (int)response.StatusCode, detail);
            throw new HttpRequestException($"The token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        var issued = await response.Content.ReadFromJsonAsync<TokenResponse>(Json, cancellationToken);
        if (string.IsNullOrEmpty(issued?.AccessToken))
        {
            throw new HttpRequestException("The token endpoint answered without an access_token.");
        }

        var lifetime = TimeSpan.FromSeconds(Math.Max(0, issued.ExpiresIn));
        var margin = lifetime > 2 * RefreshMargin ? RefreshMargin : lifetime / 2;
        _cached = new CachedToken(issued.AccessToken, time.GetUtcNow() + lifetime - margin);
        return issued.AccessToken;
    }

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);
}
