using FaqBot.Core.Answering;
using FaqBot.Storage.Handoffs;

namespace FaqBot.Storage.Transcripts;

public enum ActivityDirection
{
    /// <summary>From the patient (or the channel) to the bot.</summary>
    In,

    /// <summary>From the bot.</summary>
    Out,
}

/// <summary>One activity as stored: its JSON, already redacted.</summary>
public sealed record StoredActivity(string? ActivityId, ActivityDirection Direction, string Type, DateTimeOffset At, string Json);

/// <summary>What the bot decided for one patient message, already redacted: the outcome (as in
/// <c>ContractNames</c>: answer, clarify, decline, no-answer, smalltalk, invalid), the safety
/// category, the cited snippet and the trace as JSON.</summary>
public sealed record TurnSummary(
    string? InboundActivityId,
    string? ReplyActivityId,
    DateTimeOffset At,
    string Question,
    string Outcome,
    string? Category,
    double Confidence,
    bool LowConfidence,
    string? SnippetId,
    int? SnippetVersion,
    string? ReplyId,
    int Redactions,
    string TraceJson);

/// <summary>A person staff must follow up, as the turn's answer decided (a declined message or a
/// question with no answer); <see cref="Message"/> is the patient's message, redacted.</summary>
public sealed record HandoffRecord(HandoffDecision Decision, string Message, DateTimeOffset At);

/// <summary>A request to be called back, given with consent: it goes with the conversation's most
/// recent open handoff item, or makes an item of its own when there is none.</summary>
public sealed record CallbackRecord(CallbackContact Contact, DateTimeOffset At)
{
    /// <summary>Raised when the form's own text was declined by the safety gate (urgent: crisis resources were sent first).</summary>
    public HandoffPriority Priority { get; init; } = HandoffPriority.Normal;

    /// <summary>The contact as the store writes it (set by the store, never in clear).</summary>
    internal string? SealedContact { get; init; }
}

/// <summary>Everything one turn adds to a conversation, written in one transaction: the activities
/// in order (inbound first), the turn's decision when there was one, and the handoff it raised.</summary>
public sealed record TurnRecord(
    string ConversationId,
    string Channel,
    DateTimeOffset At,
    IReadOnlyList<StoredActivity> Activities,
    TurnSummary? Turn,
    HandoffRecord? Handoff)
{
    /// <summary>Contact details the patient gave in this turn to be called back; sealed by the store.</summary>
    public CallbackRecord? Callback { get; init; }
}

public enum Feedback
{
    Helpful,
    Unhelpful,
}

public enum HandoffStatus
{
    New,

    /// <summary>A staff member took the item (<see cref="HandoffItemView.StatusBy"/>).</summary>
    Claimed,
    Contacted,
    Closed,
}

/// <summary>Outcome filter of the conversation list: a conversation matches when any of its turns does.</summary>
public enum OutcomeFilter
{
    Any,
    Answered,
    Clarified,
    Unanswered,
    Declined,
    DeclinedUrgent,
    DeclinedDosing,
    DeclinedDiagnostic,
}

public sealed record ConversationFilter
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public OutcomeFilter Outcome { get; init; } = OutcomeFilter.Any;

    public bool LowConfidenceOnly { get; init; }

    public bool NegativeFeedbackOnly { get; init; }

    /// <summary>null: both; true: reviewed only; false: not reviewed only.</summary>
    public bool? Reviewed { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

public sealed record ConversationRow(
    string Id,
    string Channel,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAt,
    int Turns,
    int Answered,
    int Clarified,
    int Unanswered,
    int Declined,
    int LowConfidence,
    int NegativeFeedback,
    bool Reviewed,
    IReadOnlyList<string> Tags);

/// <summary>How many conversations in the date range match each outcome (other filters aside) and
/// the filter as a whole.</summary>
public sealed record ConversationCounts(
    int All,
    int Answered,
    int Clarified,
    int Unanswered,
    int Declined,
    int DeclinedUrgent,
    int DeclinedDosing,
    int DeclinedDiagnostic,
    int LowConfidence,
    int NegativeFeedback,
    int Reviewed,
    int NotReviewed,
    int Matching);

public sealed record ConversationList(IReadOnlyList<ConversationRow> Items, ConversationCounts Counts);

public sealed record StoredTurn(long Id, TurnSummary Summary, Feedback? Feedback);

public sealed record ConversationDetail(
    string Id,
    string Channel,
    DateTimeOffset StartedAt,
    DateTimeOffset LastAt,
    DateTimeOffset? ReviewedAt,
    string? ReviewedBy,
    IReadOnlyList<string> Tags,
    string Note,
    IReadOnlyList<StoredActivity> Activities,
    IReadOnlyList<StoredTurn> Turns);

public sealed record HandoffItemView(
    long Id,
    string ConversationId,
    DateTimeOffset At,
    string Reason,
    HandoffPriority Priority,
    IReadOnlyList<string> Rules,
    string Message,
    HandoffStatus Status,
    string? StatusBy,
    DateTimeOffset? StatusAt,
    DateTimeOffset? CallbackAt)
{
    public bool Urgent => Priority == HandoffPriority.Urgent;

    /// <summary>Whether the patient asked to be called back (the details are read apart, by role, audited).</summary>
    public bool WantsCallback => CallbackAt is not null;
}

/// <summary>A question the bot had no approved answer for (redacted), for the unanswered report.</summary>
public sealed record UnansweredQuestion(string ConversationId, DateTimeOffset At, string Question);
