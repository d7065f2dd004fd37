namespace FaqBot.Core.Handoff;

/// <summary>Something staff must follow up: a declined message (urgent, dosing, diagnostic) or a
/// question with no approved answer.</summary>
public sealed record HandoffItem(
    string Reason,
    IReadOnlyList<string> RuleIds,
    string Message,
    DateTimeOffset At,
    string ReplyId)
{
    public const string NoAnswer = "no-answer";
}

/// <summary>Where handoff items go: the one seam that transcripts and staff pages build on.</summary>
public interface IHandoffSink
{
    ValueTask RecordAsync(HandoffItem item, CancellationToken cancellationToken);
}
