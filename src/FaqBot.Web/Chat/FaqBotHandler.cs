using System.Text.Json.Nodes;
using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Replies;
using FaqBot.Core.Safety;
using FaqBot.Storage.Handoffs;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Handoffs;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Chat;

/// <summary>The FAQ bot's turn handler, the same for Web Chat (Direct Line) and Azure Bot Service:
/// welcomes a new user once, answers each message through the <see cref="Answerer"/> with the
/// conversation's context, and on every turn the answer hands to staff sends the handoff event
/// and offers a callback. The callback form's submission is checked (the free text it holds goes
/// through the safety gate first, like any message) and, with consent, left for the transcript
/// recorder to store with the handoff item.</summary>
public sealed class FaqBotHandler(
    Answerer answerer, KnowledgeHolder knowledge, ConversationMemory memory, LiveChatRegistry live, IOptions<ClinicOptions> clinic, TimeProvider time) : IBot
{
    /// <summary>Turn-state key under which the answer (and so its trace) is left for middleware.</summary>
    public const string AnswerKey = "faqbot.answer";

    /// <summary>Turn-state key under which a patient's feedback on an earlier answer is left.</summary>
    public const string FeedbackKey = "faqbot.feedback";

    /// <summary>Turn-state key under which a consented callback request (a <see cref="CallbackRecord"/>) is left.</summary>
    public const string CallbackKey = "faqbot.callback";

    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken) => turn.Activity.Type switch
    {
        ActivityTypes.Message => MessageAsync(turn, cancellationToken),
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

    /// <summary>A message is answered when it has text (also beside a callback value: no text
    /// skips the gate), then the callback action its value asks for, if any. While a staff member
    /// is in the chat the bot answers nothing but what its safety gate finds urgent.</summary>
    private async Task MessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = CallbackRequest.ActionOf(turn.Activity);
        if (await live.FindAsync(turn.Activity.Conversation?.Id ?? "") is not null)
        {
            await GateOnlyAsync(turn, cancellationToken);
        }
        else if (action == CallbackAction.None || !string.IsNullOrWhiteSpace(turn.Activity.Text))
        {
            await AnswerAsync(turn, cancellationToken);
        }

        if (action == CallbackAction.ShowForm)
        {
            await ShowFormAsync(turn, cancellationToken);
        }
        else if (action == CallbackAction.Submit)
        {
            await CallbackAsync(turn, cancellationToken);
        }
    }

    private async Task AnswerAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        var state = memory.For(turn.Activity);
        var answer = await answerer.AskAsync(turn.Activity.Text, state.Context, cancellationToken);
        turn.TurnState[AnswerKey] = answer;
        state.Context = state.Context.After(answer);

        var reply = ReplyComposer.Compose(answer, turn.Activity.Id);
        if (answer.Handoff is not null || answer.Trace.ReplyId == ReplyIds.Identity)
        {
            // After the reply (for an urgent message, after the crisis resources), never instead of it.
            reply.SuggestedActions ??= new SuggestedActions();
            reply.SuggestedActions.Actions.Add(CallbackForm.Offer(knowledge.Current));
        }

        await turn.SendActivityAsync(reply, cancellationToken);
        if (answer.Handoff is { } decision)
        {
            await turn.SendActivityAsync(HandoffEvent.Create(turn.Activity, decision, state.Recent()), cancellationToken);
        }
    }

    /// <summary>While staff are in the chat: the message is read by the safety gate, and only an
    /// urgent one is answered (the crisis resources at once, and an urgent handoff item).</summary>
    private async Task GateOnlyAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(turn.Activity.Text))
        {
            return;
        }

        var state = memory.For(turn.Activity);
        var answer = await answerer.AskAsync(turn.Activity.Text, state.Context, cancellationToken);
        if (answer.Category != SafetyCategory.Urgent)
        {
            return;
        }

        turn.TurnState[AnswerKey] = answer;
        state.Context = state.Context.After(answer);
        await turn.SendActivityAsync(ReplyComposer.Compose(answer), cancellationToken);
        if (answer.Handoff is { } decision)
        {
            await turn.SendActivityAsync(HandoffEvent.Create(turn.Activity, decision, state.Recent()), cancellationToken);
        }
    }

    /// <summary>The form; outside the opening hours it says when staff are back.</summary>
    private async Task ShowFormAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var kb = knowledge.Current;
        var text = kb.Replies[ReplyIds.CallbackForm].Text;
        if (!live.IsOpen)
        {
            var opens = live.NextOpening();
            text = kb.Replies[ReplyIds.ClinicClosed].Render("opens", opens is null ? "during our opening hours" : "on " + opens) + "\n\n" + text;
        }

        await turn.SendActivityAsync(CallbackForm.Message(kb, text), cancellationToken);
    }

    private async Task CallbackAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var kb = knowledge.Current;
        var state = memory.For(turn.Activity);
        var request = CallbackRequest.Read((JsonObject)turn.Activity.Value!, clinic.Value.Region);

        // What the patient wrote in the form is read by the safety gate like any message: an urgent
        // one gets the crisis resources before anything about the callback, and raises the item.
        var priority = HandoffPriority.Normal;
        if (request.FreeText.Length > 0)
        {
            var gate = await answerer.AskAsync(request.FreeText, state.Context, cancellationToken);
            if (gate.Outcome == AnswerOutcome.Declined)
            {
                state.Context = state.Context.After(gate);
                priority = gate.Handoff?.Priority ?? HandoffPriority.High;
                await turn.SendActivityAsync(ReplyComposer.Compose(gate), cancellationToken);
            }
        }

        if (!request.IsValid)
        {
            var problems = string.Join("\n", request.Problems.Select(p => "- " + p));
            await turn.SendActivityAsync(CallbackForm.Message(kb, kb.Replies[ReplyIds.CallbackInvalid].Render("problems", problems)), cancellationToken);
            return;
        }

        var consent = kb.Replies[ReplyIds.CallbackConsent];
        var now = time.GetUtcNow();
        turn.TurnState[CallbackKey] = new CallbackRecord(
            new CallbackContact(request.Name, request.Phone, request.Email, request.BestTime, consent.Id, consent.Version, now), now)
        {
            Priority = priority,
        };
        await turn.SendActivityAsync(
            new Activity { Type = ActivityTypes.Message, TextFormat = TextFormats.Markdown, Text = kb.Replies[ReplyIds.CallbackConfirmed].Text },
            cancellationToken);
    }
}
