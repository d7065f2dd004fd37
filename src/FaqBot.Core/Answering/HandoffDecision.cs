using FaqBot.Core.Safety;

namespace FaqBot.Core.Answering;

/// <summary>How urgently staff must follow a handoff up; the queue is ordered by it.</summary>
public enum HandoffPriority
{
    /// <summary>A question without an approved answer, or a request to be called back.</summary>
    Normal,

    /// <summary>A dosing or diagnostic question: clinical, not an emergency.</summary>
    High,

    /// <summary>An urgent message: the patient was given the crisis resources first.</summary>
    Urgent,
}

/// <summary>That a turn is handed to staff, and why: decided once, by the <see cref="Answerer"/>,
/// and carried on the answer's trace. The queue item, the Bot Framework <c>handoff.initiate</c>
/// event and the stored trace are all read from this one value.</summary>
public sealed record HandoffDecision(SafetyCategory? Category, IReadOnlyList<string> RuleIds, HandoffPriority Priority, string ReplyId)
{
    /// <summary>The reason of a question with no approved answer.</summary>
    public const string NoAnswer = "no-answer";

    /// <summary>The reason of a request to be called back made outside a declined or unanswered turn.</summary>
    public const string Callback = "callback";

    /// <summary>The reason as the queue and the event name it: the declined category, or <see cref="NoAnswer"/>.</summary>
    public string Reason => ContractNames.Category(Category) ?? NoAnswer;

    public bool Urgent => Priority == HandoffPriority.Urgent;

    /// <summary>A declined message: urgent first, dosing and diagnostic next.</summary>
    public static HandoffDecision Declined(SafetyCategory category, IReadOnlyList<string> ruleIds, string replyId) =>
        new(category, ruleIds, category == SafetyCategory.Urgent ? HandoffPriority.Urgent : HandoffPriority.High, replyId);

    /// <summary>A question the bot had no approved answer for.</summary>
    public static HandoffDecision Unanswered(string replyId) => new(null, [], HandoffPriority.Normal, replyId);

    /// <summary>The priority as the store and the queue spell it.</summary>
    public static string Name(HandoffPriority priority) => priority switch
    {
        HandoffPriority.Urgent => "urgent",
        HandoffPriority.High => "high",
        _ => "normal",
    };
}
