using FaqBot.Core.Safety;

namespace FaqBot.Core.Answering;

/// <summary>The names the batch contract (<c>faqbot ask --jsonl</c>) and the labelled sets use.
/// A clarifying question is not an answer, so it is reported as <c>unanswered</c>.</summary>
public static class ContractNames
{
    public static string Outcome(AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.Answered => "answered",
        AnswerOutcome.Declined => "declined",
        AnswerOutcome.SmallTalk => "smalltalk",
        AnswerOutcome.Invalid => "invalid",
        _ => "unanswered",
    };

    public static string? Category(SafetyCategory? category) => category switch
    {
        SafetyCategory.Urgent => "urgent",
        SafetyCategory.Dosing => "dosing",
        SafetyCategory.Diagnostic => "diagnostic",
        _ => null,
    };
}
