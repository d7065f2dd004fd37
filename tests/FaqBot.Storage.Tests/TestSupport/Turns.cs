using FaqBot.Core.Answering;
using FaqBot.Core.Safety;
using System.Text.Json;
using FaqBot.Storage.Transcripts;

namespace FaqBot.Storage.Tests.TestSupport;

/// <summary>Turn records as the transcript middleware would hand them over: the patient's message,
/// the bot's reply and the decision.</summary>
internal static class Turns
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static int _next;

    public static TurnRecord Of(
        string conversation,
        DateTimeOffset at,
        string outcome = "answer",
        string? category = null,
        bool lowConfidence = false,
        string question = "How long does an infusion take?",
        HandoffRecord? handoff = null,
        string channel = "webchat")
    {
        var inbound = "in-" + Interlocked.Increment(ref _next);
        var reply = "out-" + Interlocked.Increment(ref _next);
        return new TurnRecord(
            conversation,
            channel,
            at,
            [Activity(inbound, ActivityDirection.In, at, question), Activity(reply, ActivityDirection.Out, at.AddMilliseconds(5), "reply to " + question)],
            new TurnSummary(inbound, reply, at, question, outcome, category, lowConfidence ? 0.3 : 0.9, lowConfidence,
                outcome == "answer" ? "infusion-length" : null, outcome == "answer" ? 2 : null, null, 0, """{"rules":[]}"""),
            handoff);
    }

    /// <summary>A handoff as the answerer decides it: <paramref name="reason"/> is a safety category
    /// (urgent, dosing, diagnostic) or anything else for a question without an answer.</summary>
    public static HandoffRecord Handoff(string reason, DateTimeOffset at, bool urgent = false, string message = "help")
    {
        var category = urgent ? SafetyCategory.Urgent : reason switch
        {
            "dosing" => SafetyCategory.Dosing,
            "diagnostic" => SafetyCategory.Diagnostic,
            "urgent" => SafetyCategory.Urgent,
            _ => (SafetyCategory?)null,
        };
        var decision = category is { } declined
            ? HandoffDecision.Declined(declined, declined == SafetyCategory.Urgent ? ["urgent.self-harm", "urgent.crisis"] : [reason + ".rule"], reason)
            : HandoffDecision.Unanswered("no-answer");
        return new HandoffRecord(decision, message, at);
    }

    public static StoredActivity Activity(string id, ActivityDirection direction, DateTimeOffset at, string text) =>
        new(id, direction, "message", at, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = at.UtcDateTime.ToString("O"),
            ["from"] = new Dictionary<string, string> { ["role"] = direction == ActivityDirection.In ? "user" : "bot" },
            ["text"] = text,
        }));
}
