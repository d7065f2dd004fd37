using System.Threading.RateLimiting;

namespace FaqBot.Web.Security;

/// <summary>At most <c>permitLimit</c> permits in any stretch of time as long as the window: a
/// permit is counted in the segment (a sixtieth of the window) it was taken in and comes back once
/// a whole window has passed since that segment ended. A refused lease carries, as its
/// <see cref="MetadataName.RetryAfter"/>, how long until enough permits come back. Nothing is
/// queued, and no timer runs: the counts move on when the limiter is asked, by its
/// <see cref="TimeProvider"/>'s monotonic clock.</summary>
public sealed class RollingWindowLimiter : RateLimiter
{
    private const int Segments = 60;

    private readonly Lock _gate = new();
    private readonly int _limit;
    private readonly long _segmentTicks;
    private readonly TimeProvider _time;
    private readonly long _origin;

    // Slot s % (Segments + 1) counts the permits taken in segment s; segments newer than
    // (now - Segments) are still out.
    private readonly int[] _taken = new int[Segments + 1];
    private long _current;
    private int _out;
    private long _lastTakenSegment = -Segments - 1;
    private long _successful;
    private long _failed;

    public RollingWindowLimiter(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window.Ticks, Segments);
        _limit = permitLimit;
        _segmentTicks = window.Ticks / Segments;
        _time = time;
        _origin = time.GetTimestamp();
    }

    /// <summary>How long every permit has been back, or null while some are still out.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = Now();
                MoveTo(now / _segmentTicks);
                return _out > 0 ? null : TimeSpan.FromTicks(Math.Max(0, now - BackAt(_lastTakenSegment)));
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            MoveTo(Now() / _segmentTicks);
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _limit - _out,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _limit);
        lock (_gate)
        {
            var now = Now();
            MoveTo(now / _segmentTicks);
            if (_out + permitCount <= _limit && (permitCount > 0 || _out < _limit))
            {
                _taken[Slot(_current)] += permitCount;
                _out += permitCount;
                if (permitCount > 0)
                {
                    _lastTakenSegment = _current;
                }

                _successful++;
                return Lease.Acquired;
            }

            _failed++;
            return new Lease(false, TimeSpan.FromTicks(BackAt(SegmentFreeing(Math.Max(1, _out + permitCount - _limit))) - now));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private long Now() => _time.GetElapsedTime(_origin).Ticks;

    private static int Slot(long segment) => (int)(segment % (Segments + 1));

    /// <summary>When the permits taken in <paramref name="segment"/> come back.</summary>
    private long BackAt(long segment) => (segment + 1 + Segments) * _segmentTicks;

    /// <summary>Gives back the permits of every segment that has left the window.</summary>
    private void MoveTo(long segment)
    {
        for (var s = Math.Max(_current + 1, segment - Segments); s <= segment; s++)
        {
            _out -= _taken[Slot(s)];
            _taken[Slot(s)] = 0;
        }

        _current = Math.Max(_current, segment);
    }

    /// <summary>The oldest segment whose coming back frees <paramref name="needed"/> permits.</summary>
    private long SegmentFreeing(int needed)
    {
        var freed = 0;
        for (var s = Math.Max(0, _current - Segments); s < _current; s++)
        {
            freed += _taken[Slot(s)];
            if (freed >= needed)
            {
                return s;
            }
        }

        return _current;
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
