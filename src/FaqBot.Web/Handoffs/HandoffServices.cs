namespace FaqBot.Web.Handoffs;

public static class HandoffServices
{
    /// <summary>Live replies from staff (which chats are joined, held in this host's memory).</summary>
    public static IServiceCollection AddHandoffs(this IServiceCollection services)
    {
        services.AddSingleton<LiveChatRegistry>();
        services.AddSingleton<LiveChats>();
        services.AddSingleton<HandoffStatusChange>();
        services.AddSingleton<FaqBot.BotFramework.DirectLine.IEchoFilter, CallbackEchoFilter>(); // contact details are not kept with the conversation
        return services;
    }
}
