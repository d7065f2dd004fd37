using System.Globalization;
using FaqBot.BotFramework.Http;
using FaqBot.BotFramework.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>Direct Line 3.0 under <c>/v3/directline</c>, as botframework-directlinejs calls it.
/// Bad or expired credentials get 403 (the client's "expired token"), an unknown conversation 404,
/// and polling never answers 5xx.</summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    private static readonly string[] ClientTypes =
        [ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing, ActivityTypes.EndOfConversation];

    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(BasePath);
        group.MapPost("/tokens/generate", GenerateAsync);
        group.MapPost("/tokens/refresh", RefreshAsync);
        group.MapPost("/conversations", StartAsync);
        group.MapGet("/conversations/{conversationId}", ResumeAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        return group;
    }

    /// <summary>Works out each Direct Line request's credential before the rate limiter runs (it
    /// may read the token's grant from the store, which is waited for asynchronously), so the
    /// limiter can tell callers apart as authentication does.</summary>
    public static IApplicationBuilder UseDirectLineCredentials(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(BasePath, StringComparison.OrdinalIgnoreCase))
            {
                await context.RequestServices.GetRequiredService<DirectLineTokens>().AuthorizeAsync(context.Request);
            }

            await next(context);
        });

    private static async Task<IResult> GenerateAsync(HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options)
    {
        if (await tokens.AuthorizeAsync(request) is not { IsSecret: true })
        {
            return Forbidden("tokens/generate needs the Direct Line secret.");
        }

        var (body, error) = await ReadStartAsync(request, options);
        if (error is not null)
        {
            return error;
        }

        var conversation = await conversations.CreateAsync(body?.User?.Id);
        return Issued(await tokens.IssueAsync(conversation.Id, conversation.UserId));
    }

    /// <summary>Only the conversation's newest token is refreshed, and not more often than the
    /// configured interval (429 with Retry-After until then); the replaced token stops working
    /// after a short grace.</summary>
    private static async Task<IResult> RefreshAsync(HttpRequest request, DirectLineTokens tokens)
    {
        if (await tokens.AuthorizeAsync(request) is not { IsSecret: false } grant)
        {
            return Forbidden("tokens/refresh needs a valid, unexpired token.");
        }

        var refresh = await tokens.RefreshAsync(grant);
        if (refresh.Issued is { } issued)
        {
            return Issued(issued);
        }

        if (refresh.RetryAfter is not { } wait)
        {
            return Forbidden("This token has been replaced by a newer one; refresh that one.");
        }

        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem($"This conversation's token was issued moments ago; refresh it again in {seconds} seconds.", statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> StartAsync(HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineChannel channel, IOptions<DirectLineOptions> options)
    {
        if (await tokens.AuthorizeAsync(request) is not { } grant)
        {
            return Forbidden("Starting a conversation needs the Direct Line secret or a token.");
        }

        var (body, error) = await ReadStartAsync(request, options);
        if (error is not null)
        {
            return error;
        }

        DirectLineConversation conversation;
        string token;
        if (grant.IsSecret)
        {
            conversation = await conversations.CreateAsync(body?.User?.Id);
            token = (await tokens.IssueAsync(conversation.Id, conversation.UserId)).Token;
        }
        else if (await conversations.FindAsync(grant.ConversationId!) is { } bound)
        {
            conversation = bound;
            token = grant.Token!;
        }
        else
        {
            return Gone();
        }

        var started = await channel.StartAsync(conversation, ServiceUrl(request), body?.Locale);
        var response = new ConversationResponse(conversation.Id, token, Lifetime(options));
        return started ? Results.Json(response, ActivityJson.Options, statusCode: StatusCodes.Status201Created) : Results.Json(response, ActivityJson.Options);
    }

    private static async Task<IResult> ResumeAsync(string conversationId, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options)
    {
        var (refused, conversation, grant) = await AuthorizeAsync(request, tokens, conversations, conversationId);
        if (refused is not null)
        {
            return refused;
        }

        var token = grant!.IsSecret ? (await tokens.IssueAsync(conversation!.Id, conversation.UserId)).Token : grant.Token!;
        return Results.Json(new ConversationResponse(conversationId, token, Lifetime(options)), ActivityJson.Options);
    }

    private static async Task<IResult> PostActivityAsync(
        string conversationId, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineChannel channel, IOptions<DirectLineOptions> options)
    {
        var (refused, conversation, _) = await AuthorizeAsync(request, tokens, conversations, conversationId);
        if (refused is not null)
        {
            return refused;
        }

        var (activity, error) = await JsonBody.ReadAsync<Activity>(request, options.Value.MaxActivityBytes, optional: false, request.HttpContext.RequestAborted);
        if (error is not null)
        {
            return error;
        }

        if (activity!.Type is not { } type || !ClientTypes.Contains(type, StringComparer.Ordinal))
        {
            return BadRequest($"This activity type cannot be posted; expected one of {string.Join(", ", ClientTypes)}.");
        }

        if (ActivityChecks.Problem(activity) is { } problem)
        {
            return BadRequest(problem);
        }

        var id = await channel.PostAsync(conversation!, activity, ServiceUrl(request));
        return Results.Json(new ResourceResponse(id), ActivityJson.Options);
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations)
    {
        var (refused, conversation, _) = await AuthorizeAsync(request, tokens, conversations, conversationId);
        if (refused is not null)
        {
            return refused;
        }

        long from = 0;
        if (!string.IsNullOrEmpty(watermark) && watermark != "null"
            && (!long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out from)))
        {
            return NotIssued();
        }

        return await conversation!.ReadFromAsync(from) is { } page ? new ActivityPageResult(page) : NotIssued();
    }

    /// <summary>403 for a missing, unknown or expired credential and for a token of another
    /// conversation; 404 when the conversation does not exist (any more).</summary>
    private static async Task<(IResult? Refused, DirectLineConversation? Conversation, DirectLineGrant? Grant)> AuthorizeAsync(
        HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, string conversationId)
    {
        if (await tokens.AuthorizeAsync(request) is not { } grant)
        {
            return (Forbidden("The token is missing, unknown or expired."), null, null);
        }

        if (!grant.Allows(conversationId))
        {
            return (Forbidden("This token belongs to another conversation."), null, grant);
        }

        return await conversations.FindAsync(conversationId) is { } found ? (null, found, grant) : (Gone(), null, grant);
    }

    /// <summary>Writes the page's stored bytes as the response body.</summary>
    private sealed class ActivityPageResult(ActivityPage page) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = page.ByteCount;
            page.WriteTo(response.BodyWriter);
            await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        }
    }

    private static IResult Issued(IssuedToken issued) =>
        Results.Json(new ConversationResponse(issued.ConversationId, issued.Token, issued.ExpiresInSeconds), ActivityJson.Options);

    private static IResult Gone() =>
        Results.Problem("This conversation does not exist or has ended.", statusCode: StatusCodes.Status404NotFound);

    private static IResult Forbidden(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden);

    private static IResult BadRequest(string detail) => Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    private static IResult NotIssued() => BadRequest("The watermark was not issued by this conversation; poll again from the last watermark received, or without one.");

    /// <summary>The optional body of <c>tokens/generate</c> and <c>conversations</c>; a user id longer
    /// than any id a channel uses is refused.</summary>
    private static async Task<(StartRequest? Body, IResult? Error)> ReadStartAsync(HttpRequest request, IOptions<DirectLineOptions> options)
    {
        var (body, error) = await JsonBody.ReadAsync<StartRequest>(request, options.Value.MaxActivityBytes, optional: true, request.HttpContext.RequestAborted);
        return body?.User?.Id is { Length: > ActivityChecks.MaxIdLength }
            ? (null, BadRequest($"user.id is longer than {ActivityChecks.MaxIdLength} characters."))
            : (body, error);
    }

    private static int Lifetime(IOptions<DirectLineOptions> options) => options.Value.TokenLifetimeMinutes * 60;

    private static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}/";
}
