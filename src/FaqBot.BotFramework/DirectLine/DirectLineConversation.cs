using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>One conversation's activities as clients see them: append-only, numbered, stamped with
/// strictly increasing timestamps. The watermark is the number of activities ever appended;
/// only the most recent <c>MaxActivitiesKept</c> stay in memory.</summary>
public sealed class DirectLineConversation(string id, string userId, int maxKept, DateTimeOffset now)
{
    private readonly Lock _gate = new();
    private readonly Queue<Activity> _kept = new();
    private long _appended;
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;
    private long _lastUsedTicks = now.UtcTicks;

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    public bool Started { get; private set; }

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    /// <summary>Marks the conversation started; true only for the first caller.</summary>
    public bool TryStart()
    {
        lock (_gate)
        {
            if (Started)
            {
                return false;
            }

            Started = true;
            return true;
        }
    }

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);

    /// <summary>Gives the activity its id and timestamp and stores it; the caller must not change it afterwards.</summary>
    public string Append(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            var stamp = now > _lastStamp ? now : _lastStamp.AddTicks(1);
            _lastStamp = stamp;
            activity.Id = Id + "|" + _appended.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            activity.Timestamp = stamp;
            _appended++;
            _kept.Enqueue(activity);
            while (_kept.Count > maxKept)
            {
                _kept.Dequeue();
            }

            return activity.Id;
        }
    }

    /// <summary>Every kept activity from <paramref name="watermark"/> on, and the new watermark.</summary>
    public (Activity[] Activities, long Watermark) ReadFrom(long watermark)
    {
        lock (_gate)
        {
            var first = _appended - _kept.Count;
            var skip = Math.Max(0, watermark - first);
            return skip >= _kept.Count ? ([], _appended) : ([.. _kept.Skip((int)skip)], _appended);
        }
    }
}
