using FaqBot.Core.Safety;

namespace FaqBot.Core.Answering;

/// <summary>What the bot remembers of a conversation that changes how it answers the next message.</summary>
/// <param name="EarlierUrgent">An earlier message was urgent: every later reply repeats the crisis
/// resources first, whatever the new message asks.</param>
public sealed record ConversationContext(bool EarlierUrgent)
{
    public static ConversationContext None { get; } = new(EarlierUrgent: false);

    /// <summary>The question the last reply read (with the one before it, when it was a follow-up):
    /// a next message that cannot be answered alone ("and how long does that take?", "can she drive
    /// after?") is read with it. None after a decline, small talk or an invalid message.</summary>
    public string? Topic { get; init; }

    /// <summary>The titles a "did you mean" reply offered, in order, so that "the second one" picks one.</summary>
    public IReadOnlyList<string> Offered { get; init; } = [];

    /// <summary>The context for the message after <paramref name="answer"/>.</summary>
    public ConversationContext After(Answer answer) => new(EarlierUrgent || answer.Category == SafetyCategory.Urgent)
    {
        Topic = answer.Outcome is AnswerOutcome.Answered or AnswerOutcome.Unanswered or AnswerOutcome.Clarify ? answer.ReadAs : null,
        Offered = answer.Outcome == AnswerOutcome.Clarify ? answer.Suggestions : [],
    };
}
