using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using FaqBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Connector;

/// <summary>What became of a delivered activity.</summary>
public enum Delivery
{
    /// <summary>Queued for its turn.</summary>
    Accepted,

    /// <summary>An activity of the same conversation and id was accepted before: a redelivery, not
    /// run again.</summary>
    Redelivered,

    /// <summary>Its lane is full; nothing was kept.</summary>
    Full,
}

/// <summary>Activities acknowledged but not yet handled, in one bounded lane per concurrent turn.
/// A conversation always maps to the same lane, so its activities run one at a time and in order.
/// The inbox remembers the last <see cref="BotFrameworkOptions.RememberedActivityIds"/> activities
/// it accepted (by a hash of conversation and activity id), so a delivery the Bot Connector retries
/// runs its turn once.</summary>
public sealed class ConnectorInbox
{
    private readonly Channel<Activity>[] _lanes;
    private readonly Lock _gate = new();
    private readonly HashSet<UInt128> _accepted = [];
    private readonly Queue<UInt128> _acceptedOrder = new();
    private readonly int _remembered;

    public ConnectorInbox(IOptions<BotFrameworkOptions> options)
    {
        var lanes = options.Value.MaxConcurrentTurns;
        var capacity = Math.Max(1, options.Value.QueueCapacity / lanes);
        _remembered = options.Value.RememberedActivityIds;
        _lanes = new Channel<Activity>[lanes];
        for (var i = 0; i < lanes; i++)
        {
            _lanes[i] = Channel.CreateBounded<Activity>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        }
    }

    internal IEnumerable<ChannelReader<Activity>> Lanes => _lanes.Select(lane => lane.Reader);

    /// <summary>Queues the activity unless it is a redelivery or its lane is full. An activity
    /// without an id cannot be recognised again and is always queued when there is room.</summary>
    public Delivery TryEnqueue(Activity activity)
    {
        var lane = _lanes[(uint)StringComparer.Ordinal.GetHashCode(activity.Conversation?.Id ?? "") % (uint)_lanes.Length];
        if (string.IsNullOrEmpty(activity.Id) || _remembered == 0)
        {
            return lane.Writer.TryWrite(activity) ? Delivery.Accepted : Delivery.Full;
        }

        var key = Key(activity.Conversation?.Id ?? "", activity.Id);
        lock (_gate)
        {
            if (_accepted.Contains(key))
            {
                return Delivery.Redelivered;
            }

            if (!lane.Writer.TryWrite(activity))
            {
                return Delivery.Full;
            }

            _accepted.Add(key);
            _acceptedOrder.Enqueue(key);
            if (_acceptedOrder.Count > _remembered)
            {
                _accepted.Remove(_acceptedOrder.Dequeue());
            }

            return Delivery.Accepted;
        }
    }

    /// <summary>128 bits of SHA-256 over both ids (length-prefixed, so no two pairs share an input).</summary>
    private static UInt128 Key(string conversationId, string activityId)
    {
        var text = $"{conversationId.Length}:{conversationId}|{activityId}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
