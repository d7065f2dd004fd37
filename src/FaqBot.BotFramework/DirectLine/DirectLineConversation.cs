using System.Text.Json;
using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>One conversation's activities as clients see them: append-only, numbered, stamped with
/// strictly increasing timestamps. The watermark is the number of activities ever appended;
/// only the most recent ones are served: at most <paramref name="maxKept"/> of them and at most
/// <paramref name="maxBytes"/> of JSON (the latest activity always), so what a conversation holds
/// is bounded whatever its clients post. Each activity is serialized once, when it is appended,
/// and kept as its UTF-8 JSON: polls copy bytes, and the kept activities are no object graphs for
/// the garbage collector to trace. With a <see cref="IDirectLineStore"/>, each activity is written
/// there before <see cref="AppendAsync"/> returns, so before the call that appended it is acknowledged.
/// With a shared store (several hosts), the store numbers and stamps each activity, and this copy
/// reads what other hosts appended before it appends or serves a poll.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The SemaphoreSlim never creates a wait handle (AvailableWaitHandle is not used), so it holds nothing to dispose; a swept conversation may still be in use by a request.")]
public sealed class DirectLineConversation(string id, string userId, int maxKept, long maxBytes, DateTimeOffset now, IDirectLineStore? store = null)
{
    /// <summary>How often a conversation in use tells the store so (its idle time starts again).</summary>
    private static readonly TimeSpan StoreTouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>One caller at a time reads or changes the kept activities; waiting for it holds no
    /// thread (a shared store is read under it).</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IDirectLineStore _store = store ?? IDirectLineStore.None;
    private long _storeTouchedTicks = now.UtcTicks;

    /// <summary>Activities from <see cref="_first"/> on are served; the ones before it are dropped
    /// in batches, so appending stays cheap.</summary>
    private readonly List<byte[]> _kept = [];
    private int _first;
    private long _keptBytes;
    private long _appended;
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;
    private long _lastUsedTicks = now.UtcTicks;

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    public bool Started { get; private set; }

    public DateTimeOffset LastUsed => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    /// <summary>The conversation as the store kept it: its latest activities and its watermark.</summary>
    public static DirectLineConversation Restore(StoredConversation stored, int maxKept, long maxBytes, DateTimeOffset now, IDirectLineStore store)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var conversation = new DirectLineConversation(stored.Id, stored.UserId, maxKept, maxBytes, now, store)
        {
            Started = stored.Started,
        };
        var recent = stored.Recent.TakeLast(maxKept).ToList();
        conversation._kept.AddRange(recent);
        conversation._keptBytes = recent.Sum(r => (long)r.Length);
        conversation._appended = stored.Appended;
        conversation._lastStamp = stored.LastStamp;
        while (conversation._keptBytes > maxBytes && conversation._kept.Count - conversation._first > 1)
        {
            conversation._keptBytes -= conversation._kept[conversation._first].Length;
            conversation._kept[conversation._first++] = [];
        }

        return conversation;
    }

    /// <summary>Marks the conversation started; true only for the first caller.</summary>
    public async Task<bool> TryStartAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Started)
            {
                return false;
            }

            Started = true;
            if (_store.Shared)
            {
                return await _store.MarkStartedAsync(Id, LastUsed).ConfigureAwait(false);
            }

            await _store.SaveConversationAsync(Id, UserId, started: true, LastUsed).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Records a use; the store hears of it at most once every <see cref="StoreTouchInterval"/>.</summary>
    public Task TouchAsync(DateTimeOffset now)
    {
        Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
        var stored = Interlocked.Read(ref _storeTouchedTicks);
        return now.UtcTicks - stored >= StoreTouchInterval.Ticks && Interlocked.CompareExchange(ref _storeTouchedTicks, now.UtcTicks, stored) == stored
            ? _store.TouchAsync(Id, now)
            : Task.CompletedTask;
    }

    /// <summary>Gives the activity its id and timestamp and stores it as JSON; later changes to
    /// <paramref name="activity"/> do not reach clients.</summary>
    public async Task<string> AppendAsync(Activity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_store.Shared)
            {
                var stored = await _store.AppendNextAsync(Id, now, (sequence, stamp) => Serialize(activity, sequence, stamp)).ConfigureAwait(false);
                await CatchUpAsync(stored.Sequence).ConfigureAwait(false);
                Keep(stored.Json, stored.Sequence, stored.Stamp);
                return activity.Id!;
            }

            var next = now > _lastStamp ? now : _lastStamp.AddTicks(1);
            var json = Serialize(activity, _appended, next);
            await _store.AppendActivityAsync(Id, _appended, json, next).ConfigureAwait(false);
            Keep(json, _appended, next);
            return activity.Id!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private byte[] Serialize(Activity activity, long sequence, DateTimeOffset stamp)
    {
        activity.Id = Id + "|" + sequence.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        activity.Timestamp = stamp;
        return JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJsonContext.Default.Activity);
    }

    /// <summary>Shared stores: takes in what other hosts appended from the watermark on (before
    /// <paramref name="before"/>, when given). A gap wider than what is kept skips to the newest.</summary>
    private async Task CatchUpAsync(long? before = null)
    {
        var missing = await _store.LoadSinceAsync(Id, _appended, maxKept).ConfigureAwait(false);
        foreach (var activity in missing)
        {
            if (activity.Sequence >= _appended && (before is not { } end || activity.Sequence < end))
            {
                Keep(activity.Json, activity.Sequence, activity.Stamp);
            }
        }
    }

    /// <summary>Keeps activity number <paramref name="sequence"/> as the newest. After a gap (more
    /// appended elsewhere than is kept) what was kept is dropped, so the kept ones stay consecutive.</summary>
    private void Keep(byte[] json, long sequence, DateTimeOffset stamp)
    {
        if (sequence > _appended)
        {
            _kept.Clear();
            (_first, _keptBytes) = (0, 0);
        }

        _lastStamp = stamp > _lastStamp ? stamp : _lastStamp;
        _kept.Add(json);
        _keptBytes += json.Length;
        _appended = sequence + 1;
        while (_kept.Count - _first > maxKept || _keptBytes > maxBytes && _kept.Count - _first > 1)
        {
            _keptBytes -= _kept[_first].Length;
            _kept[_first++] = [];
        }

        if (_first >= 64 && 2 * _first >= _kept.Count)
        {
            _kept.RemoveRange(0, _first);
            _first = 0;
        }
    }

    /// <summary>Every kept activity from <paramref name="watermark"/> on, and the new watermark;
    /// null when the watermark is beyond every activity appended, so this conversation never issued it.</summary>
    public async Task<ActivityPage?> ReadFromAsync(long watermark)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(watermark);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_store.Shared)
            {
                await CatchUpAsync().ConfigureAwait(false);
            }

            if (watermark > _appended)
            {
                return null;
            }

            // Polling clients are at the head: copy only what came after the watermark.
            var served = _kept.Count - _first;
            var servedFrom = _appended - served;
            var skip = (int)(Math.Max(watermark, servedFrom) - servedFrom);
            return new ActivityPage(skip >= served ? [] : _kept.GetRange(_first + skip, served - skip).ToArray(), _appended);
        }
        finally
        {
            _gate.Release();
        }
    }
}
