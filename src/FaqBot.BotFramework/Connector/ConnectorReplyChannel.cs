using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Connector;

/// <summary>Sends a turn's activities to the Bot Connector service at the activity's
/// <c>serviceUrl</c>: a reply when <c>replyToId</c> is set, else a plain send. With an app id the
/// request carries the bot's token; in local mode it carries none. A refusal is logged and thrown,
/// so the turn's error handling sees it.</summary>
public sealed class ConnectorReplyChannel(HttpClient http, ConnectorTokenProvider tokens, IOptions<BotFrameworkOptions> options, ILogger<ConnectorReplyChannel> log)
    : IReplyChannel
{
    private const int SnippetChars = 500;

    public async Task<string> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var uri = ActivitiesUri(activity);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(ActivityJson.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        if (options.Value.AuthEnabled)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await SnippetAsync(response, cancellationToken);
            log.LogError("The Bot Connector refused a {ActivityType} activity at {Uri}: {Status} {Detail}", activity.Type, uri, (int)response.StatusCode, detail);
            throw new HttpRequestException($"The Bot Connector answered {(int)response.StatusCode} to {uri}.", null, response.StatusCode);
        }

        return await IdAsync(response, cancellationToken) ?? Guid.NewGuid().ToString("N");
    }

    /// <summary><c>{serviceUrl}/v3/conversations/{conversationId}/activities[/{replyToId}]</c>,
    /// each id escaped as one path segment.</summary>
    public static Uri ActivitiesUri(Activity activity)
    {
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException("The activity has no absolute serviceUrl to send it to.");
        }

        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            throw new InvalidOperationException("The activity has no conversation id.");
        }

        var path = $"{activity.ServiceUrl!.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        return new Uri(string.IsNullOrEmpty(activity.ReplyToId) ? path : $"{path}/{Uri.EscapeDataString(activity.ReplyToId)}", UriKind.Absolute);
    }

    internal static async Task<string> SnippetAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return body.Length <= SnippetChars ? body : body[..SnippetChars];
    }

    private static async Task<string?> IdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body.Length == 0 ? "null" : body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 } value ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
