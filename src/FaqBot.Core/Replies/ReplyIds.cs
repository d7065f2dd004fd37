namespace FaqBot.Core.Replies;

/// <summary>The fixed replies the bot needs; each is a file <c>knowledge/replies/{id}.md</c>.</summary>
public static class ReplyIds
{
    public const string Greeting = "greeting";
    public const string Thanks = "thanks";
    public const string Goodbye = "goodbye";
    public const string Identity = "identity";
    public const string NoAnswer = "no-answer";
    public const string Clarify = "clarify";
    public const string InvalidEmpty = "invalid-empty";
    public const string InvalidTooLong = "invalid-too-long";
    public const string Urgent = "urgent";
    public const string Dosing = "dosing";
    public const string Diagnostic = "diagnostic";

    public static IReadOnlyList<string> Required { get; } =
        [Greeting, Thanks, Goodbye, Identity, NoAnswer, Clarify, InvalidEmpty, InvalidTooLong, Urgent, Dosing, Diagnostic];
}
