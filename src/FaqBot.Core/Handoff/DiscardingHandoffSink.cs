namespace FaqBot.Core.Handoff;

/// <summary>A sink that keeps nothing: for answering that no patient asked (staff trying drafts,
/// lint), so no handoff reaches the staff queue.</summary>
public sealed class DiscardingHandoffSink : IHandoffSink
{
    public static DiscardingHandoffSink Instance { get; } = new();

    public ValueTask RecordAsync(HandoffItem item, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
