namespace FaqBot.Storage.Transcripts;

/// <summary>The outcome names stored with a turn (<c>turns.outcome</c>). Unlike the batch
/// contract's names, a clarifying question is kept apart from a question without an answer.</summary>
public static class TurnOutcomes
{
    public const string Answer = "answer";
    public const string Clarify = "clarify";
    public const string Decline = "decline";
    public const string NoAnswer = "no-answer";
    public const string SmallTalk = "smalltalk";
    public const string Invalid = "invalid";
}
