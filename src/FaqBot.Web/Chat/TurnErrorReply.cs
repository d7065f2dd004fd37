using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Replies;

namespace FaqBot.Web.Chat;

/// <summary>When a turn fails, the patient gets the approved apology (which names the emergency
/// and crisis numbers) instead of silence; the failure itself is logged by the pipeline.</summary>
public static class TurnErrorReply
{
    public static TurnErrorHandler For(IServiceProvider services) => async (turn, _, cancellationToken) =>
    {
        if (turn.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        var reply = services.GetRequiredService<KnowledgeHolder>().Current.Replies[ReplyIds.TurnError];
        await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, TextFormat = TextFormats.Markdown, Text = reply.Text }, cancellationToken);
    };
}
