using FaqBot.BotFramework.Turns;

namespace FaqBot.Web.Chat;

public static class ChatServices
{
    /// <summary>The FAQ bot behind every channel, with its conversation memory as the first middleware.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddMemoryCache(o => o.SizeLimit = ConversationMemory.MaxConversations);
        services.AddSingleton<SharedConversationContexts>();
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton<ITurnMiddleware>(sp => sp.GetRequiredService<ConversationMemory>());
        services.AddBot<FaqBotHandler>(TurnErrorReply.For);
        return services;
    }
}
