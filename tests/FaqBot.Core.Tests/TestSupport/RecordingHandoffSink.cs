using FaqBot.Core.Handoff;

namespace FaqBot.Core.Tests.TestSupport;

/// <summary>Keeps every handoff item so a test can check what staff would be given.</summary>
internal sealed class RecordingHandoffSink : IHandoffSink
{
    private readonly List<HandoffItem> _items = [];

    public IReadOnlyList<HandoffItem> Items => _items;

    public ValueTask RecordAsync(HandoffItem item, CancellationToken cancellationToken)
    {
        lock (_items)
        {
            _items.Add(item);
        }

        return ValueTask.CompletedTask;
    }
}
