using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using FaqBot.Core.Answering;
using FaqBot.Core.Privacy;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Chat;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Transcripts;

/// <summary>Transcript logging as turn middleware, for every channel: the inbound activity and
/// everything the turn sent (including the error handler's reply), the decision with its trace,
/// the handoff it raised and any feedback, all redacted and written in one transaction before the
/// turn completes. The channel acknowledges only a turn that completed, so an acknowledged
/// activity is stored.</summary>
public sealed class TranscriptRecorder(
    ITranscriptStore store,
    TranscriptRedaction redaction,
    IOptions<TranscriptOptions> options,
    TimeProvider time) : ITurnMiddleware
{
    private readonly double _lowConfidence = options.Value.LowConfidenceBelow;

    public async Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        var inbound = turn.Activity;
        var (inboundJson, question) = redaction.Activity(inbound, ActivityDirection.In);
        var activities = new List<StoredActivity> { Stored(inbound, ActivityDirection.In, inboundJson) };
        string? replyId = null;
        turn.OnSent((sent, _) =>
        {
            activities.Add(Stored(sent, ActivityDirection.Out, redaction.Activity(sent, ActivityDirection.Out).Json));
            if (sent.Type == ActivityTypes.Message && replyId is null)
            {
                replyId = sent.Id;
            }

            return Task.CompletedTask;
        });
        turn.OnCompleted(async (completed, ct) =>
        {
            var conversationId = inbound.Conversation?.Id ?? "";
            var now = time.GetUtcNow();
            var answer = completed.TurnState.TryGetValue(FaqBotHandler.AnswerKey, out var value) ? value as Answer : null;
            var (summary, handoff) = answer is null || question is null ? (null, null) : Summarize(inbound, answer, question, replyId, now);
            var callback = completed.TurnState.TryGetValue(FaqBotHandler.CallbackKey, out var requested) ? requested as CallbackRecord : null;
            await store.AppendAsync(new TurnRecord(conversationId, inbound.ChannelId ?? "", now, activities, summary, handoff) { Callback = callback }, ct);
            if (completed.TurnState.TryGetValue(FaqBotHandler.FeedbackKey, out var given) && given is AnswerFeedback feedback)
            {
                await store.RecordFeedbackAsync(conversationId, feedback.InboundActivityId, feedback.Helpful ? Feedback.Helpful : Feedback.Unhelpful, now, ct);
            }
        });
        await next(cancellationToken);
    }

    private StoredActivity Stored(Activity activity, ActivityDirection direction, string json) =>
        new(activity.Id, direction, activity.Type ?? "", activity.Timestamp ?? time.GetUtcNow(), json);

    private (TurnSummary, HandoffRecord?) Summarize(Activity inbound, Answer answer, RedactionResult question, string? replyId, DateTimeOffset now)
    {
        var outcome = answer.Outcome switch
        {
            AnswerOutcome.Answered => TurnOutcomes.Answer,
            AnswerOutcome.Clarify => TurnOutcomes.Clarify,
            AnswerOutcome.Declined => TurnOutcomes.Decline,
            AnswerOutcome.Unanswered => TurnOutcomes.NoAnswer,
            AnswerOutcome.SmallTalk => TurnOutcomes.SmallTalk,
            _ => TurnOutcomes.Invalid,
        };
        var low = answer.Outcome is AnswerOutcome.Answered or AnswerOutcome.Clarify && answer.Confidence < _lowConfidence;
        var cited = answer.Citations.Count > 0 ? answer.Citations[0] : null;
        var summary = new TurnSummary(
            inbound.Id, replyId, now, question.Text, outcome, ContractNames.Category(answer.Category), answer.Confidence, low,
            cited?.SnippetId, cited?.SnippetVersion, answer.Trace.ReplyId,
            question.Count, redaction.Trace(answer, question.Text));

        return (summary, answer.Handoff is { } decision ? new HandoffRecord(decision, question.Text, now) : null);
    }
}
