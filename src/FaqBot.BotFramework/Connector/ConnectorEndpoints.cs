using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Http;
using FaqBot.BotFramework.Schema;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Connector;

/// <summary><c>POST /api/messages</c>, where the Azure Bot Service delivers activities. The
/// activity is checked, queued and acknowledged at once (202, empty body); the turn runs afterwards
/// and replies go back to the activity's <c>serviceUrl</c>. <c>invoke</c> activities are queued the
/// same way and answered 200 with an empty JSON object: the bot cannot return an invoke result.
/// A redelivered activity (same conversation and id as one accepted before, as the Bot Connector
/// sends when it retries) is acknowledged the same way without running its turn again: a 409
/// would read as a failed delivery to the service, while the turn it asks for has already run.</summary>
public static class ConnectorEndpoints
{
    public const string Route = "/api/messages";

    private const int RetryAfterSeconds = 5;

    /// <summary>The endpoint authenticates itself (with <see cref="ConnectorAuth.Scheme"/>, or
    /// anonymously in local mode), so a host-wide fallback authorization policy does not apply.</summary>
    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder app) =>
        app.MapPost(Route, ReceiveAsync)
            .WithMetadata(BotMessagesEndpoint.Instance)
            .AllowAnonymous();

    private static async Task<IResult> ReceiveAsync(HttpContext context, IOptions<BotFrameworkOptions> options, ConnectorInbox inbox, ILoggerFactory loggers)
    {
        var bot = options.Value;
        var log = loggers.CreateLogger(typeof(ConnectorEndpoints));
        ClaimsPrincipal? caller = null;
        if (bot.AuthEnabled)
        {
            var result = await context.AuthenticateAsync(ConnectorAuth.Scheme);
            if (!result.Succeeded)
            {
                return Results.Challenge(authenticationSchemes: [ConnectorAuth.Scheme]);
            }

            caller = result.Principal;
        }
        else if (!string.IsNullOrEmpty(context.Request.Headers.Authorization))
        {
            return Results.Problem(
                "This bot has no BotFramework:MicrosoftAppId, so it cannot validate tokens; send requests without an Authorization header.",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var (activity, error) = await JsonBody.ReadAsync<Activity>(context.Request, bot.MaxActivityBytes, optional: false, context.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        if (Malformed(activity!) is { } problem)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        if (caller is not null && Refused(caller, activity!) is { } refusal)
        {
            log.LogWarning("Refused an activity for conversation {ConversationId}: {Reason}", activity!.Conversation!.Id, refusal);
            return Results.Problem(refusal, statusCode: StatusCodes.Status403Forbidden);
        }

        switch (inbox.TryEnqueue(activity!))
        {
            case Delivery.Full:
                log.LogWarning("The connector inbox is full; refused a {ActivityType} activity", activity!.Type);
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Results.Problem("The bot is busy; try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable);
            case Delivery.Redelivered:
                if (log.IsEnabled(LogLevel.Information))
                {
                    log.LogInformation("Acknowledged a redelivered activity {ActivityId} of conversation {ConversationId} without running it again",
                        activity!.Id, activity.Conversation!.Id);
                }

                break;
        }

        return activity!.Type == ActivityTypes.Invoke
            ? Results.Json(new JsonObject(), ActivityJson.Options)
            : Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static string? Malformed(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        if (ActivityChecks.Problem(activity) is { } problem)
        {
            return problem;
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "The activity's serviceUrl must be an absolute http or https URL.";
        }

        return string.IsNullOrWhiteSpace(activity.Conversation?.Id) ? "The activity has no conversation.id." : null;
    }

    /// <summary>The token must have been issued for this activity's service and by a key endorsed
    /// for its channel.</summary>
    private static string? Refused(ClaimsPrincipal caller, Activity activity)
    {
        var claimed = caller.FindFirst(ConnectorAuth.ServiceUrlClaim)?.Value;
        if (claimed is null || !string.Equals(claimed.TrimEnd('/'), activity.ServiceUrl!.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return "The token's serviceurl claim does not match the activity's serviceUrl.";
        }

        var endorsed = !string.IsNullOrEmpty(activity.ChannelId)
            && caller.FindAll(ConnectorAuth.EndorsementClaim).Any(c => string.Equals(c.Value, activity.ChannelId, StringComparison.Ordinal));
        return endorsed ? null : $"The token's signing key is not endorsed for channel '{activity.ChannelId}'.";
    }
}
