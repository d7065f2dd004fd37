using System.Security.Cryptography;
using FaqBot.BotFramework.DirectLine;

namespace FaqBot.Web.Page;

/// <summary><c>POST /api/chat-token</c>: the clinic page's own anonymous token endpoint. It does
/// what <c>tokens/generate</c> does (a new conversation and a token bound to it and to a fresh
/// user id) without the Direct Line secret ever reaching the browser.</summary>
public static class ChatTokenEndpoint
{
    public const string Path = "/api/chat-token";

    public sealed record ChatToken(string Token, string ConversationId, string UserId, int ExpiresIn);

    public static RouteHandlerBuilder MapChatToken(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, async (DirectLineConversations conversations, DirectLineTokens tokens) =>
        {
            // Not "dl_": Web Chat reserves that prefix for users embedded in a token.
            var conversation = await conversations.CreateAsync("u_" + RandomNumberGenerator.GetHexString(16, lowercase: true));
            var issued = await tokens.IssueAsync(conversation.Id, conversation.UserId);
            return Results.Ok(new ChatToken(issued.Token, issued.ConversationId, conversation.UserId, issued.ExpiresInSeconds));
        });
}
