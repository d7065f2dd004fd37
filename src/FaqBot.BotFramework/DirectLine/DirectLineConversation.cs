using System.Text.Json;
using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>One conversation's activities as clients see them: append-only, numbered, stamped with
/// strictly increasing timestamps. The watermark is the number of activities ever appended;
/// only the most recent <c>MaxActivitiesKept</c> are served (and at most twice that held in memory).
/// Each activity is serialized once, when it is appended, and kept as its UTF-8 JSON: polls copy
/// bytes, and the kept activities are no object graphs for the garbage collector to trace.</summary>
public sealed class DirectLineConversation(string id, string userId, int maxKept, DateTimeOffset now)
{
    private readonly Lock _gate = new();
    private readonly List<byte[]> _kept = [];
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

    /// <summary>Gives the activity its id and timestamp and stores it as JSON; later changes to
    /// <paramref name="activity"/> do not reach clients.</summary>
    public string Append(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            var stamp = now > _lastStamp ? now : _lastStamp.AddTicks(1);
            _lastStamp = stamp;
            activity.Id = Id + "|" + _appended.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
            activity.Timestamp = stamp;
            _kept.Add(JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJsonContext.Default.Activity));
            _appended++;
            if (_kept.Count >= 2 * maxKept)
            {
                _kept.RemoveRange(0, _kept.Count - maxKept); // trimmed in batches, so appending stays cheap
            }

            return activity.Id;
        }
    }

    /// <summary>Every kept activity from <paramref name="watermark"/> on, and the new watermark;
    /// null when the watermark is beyond every activity appended, so this conversation never issued it.</summary>
    public ActivityPage? ReadFrom(long watermark)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(watermark);
        lock (_gate)
        {
            if (watermark > _appended)
            {
                return null;
            }

            // Polling clients are at the head: copy only what came after the watermark.
            var keptFrom = _appended - _kept.Count;
            var start = (int)(Math.Max(watermark, Math.Max(keptFrom, _appended - maxKept)) - keptFrom);
            return new ActivityPage(start >= _kept.Count ? [] : _kept.GetRange(start, _kept.Count - start).ToArray(), _appended);
        }
    }
}
