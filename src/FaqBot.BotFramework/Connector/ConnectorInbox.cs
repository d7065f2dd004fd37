using System.Threading.Channels;
using FaqBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Connector;

/// <summary>Activities acknowledged but not yet handled, in one bounded lane per concurrent turn.
/// A conversation always maps to the same lane, so its activities run one at a time and in order.</summary>
public sealed class ConnectorInbox
{
    private readonly Channel<Activity>[] _lanes;

    public ConnectorInbox(IOptions<BotFrameworkOptions> options)
    {
        var lanes = options.Value.MaxConcurrentTurns;
        var capacity = Math.Max(1, options.Value.QueueCapacity / lanes);
        _lanes = new Channel<Activity>[lanes];
        for (var i = 0; i < lanes; i++)
        {
            _lanes[i] = Channel.CreateBounded<Activity>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        }
    }

    internal IEnumerable<ChannelReader<Activity>> Lanes => _lanes.Select(lane => lane.Reader);

    /// <summary>False when the activity's lane is full.</summary>
    public bool TryEnqueue(Activity activity)
    {
        var lane = (uint)StringComparer.Ordinal.GetHashCode(activity.Conversation?.Id ?? "") % (uint)_lanes.Length;
        return _lanes[lane].Writer.TryWrite(activity);
    }
}
