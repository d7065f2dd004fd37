using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using FaqBot.Core.Answering;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Replies;

namespace FaqBot.Web.Chat;

/// <summary>The FAQ bot's turn handler, the same for Web Chat (Direct Line) and Azure Bot Service:
/// welcomes a new user once, answers each message through the <see cref="Answerer"/> with the
/// conversation's context, and on every decline hands the conversation to staff.</summary>
public sealed class FaqBotHandler(Answerer answerer, KnowledgeHolder knowledge, ConversationMemory memory) : IBot
{
    /// <summary>Turn-state key under which the answer (and so its trace) is left for middleware.</summary>
    public const string AnswerKey = "faqbot.answer";

    /// <summary>Turn-state key under which a patient's feedback on an earlier answer is left.</summary>
    public const string FeedbackKey = "faqbot.feedback";

    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) => turn.Activity.Type switch
    {
        ActivityTypes.Message => AnswerAsync(turn, cancellationToken),
        ActivityTypes.ConversationUpdate => WelcomeAsync(turn, cancellationToken),
        ActivityTypes.Event => ReceiveFeedback(turn),
        _ => Task.CompletedTask,
    };

    private static Task ReceiveFeedback(TurnContext turn)
    {
        if (AnswerFeedback.From(turn.Activity) is { } feedback)
        {
            turn.TurnState[FeedbackKey] = feedback;
        }

        return Task.CompletedTask;
    }

    private async Task WelcomeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var botId = turn.Activity.Recipient?.Id;
        var state = memory.For(turn.Activity);
        if (state.Welcomed || turn.Activity.MembersAdded?.Any(m => m.Id != botId) != true)
        {
            return;
        }

        state.Welcomed = true;
        var welcome = knowledge.Current.Replies[ReplyIds.Welcome];
        await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, TextFormat = TextFormats.Markdown, Text = welcome.Text }, cancellationToken);
    }

    private async Task AnswerAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        var state = memory.For(turn.Activity);
        var answer = await answerer.AskAsync(turn.Activity.Text, state.Context, cancellationToken);
        turn.TurnState[AnswerKey] = answer;
        state.Context = state.Context.After(answer);

        await turn.SendActivityAsync(ReplyComposer.Compose(answer, turn.Activity.Id), cancellationToken);
        if (answer.Outcome == AnswerOutcome.Declined)
        {
            await turn.SendActivityAsync(HandoffEvent.Create(turn.Activity, answer, state.Recent()), cancellationToken);
        }
    }
}
