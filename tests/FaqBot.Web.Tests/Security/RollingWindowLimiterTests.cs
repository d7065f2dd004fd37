using System.Threading.RateLimiting;
using FaqBot.Web.Security;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Web.Tests.Security;

public sealed class RollingWindowLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_limit_of_n_allows_n_at_once_and_retry_after_says_when_the_next_comes_back()
    {
        using var limiter = new RollingWindowLimiter(10, TimeSpan.FromMinutes(1), _time);
        _time.Advance(TimeSpan.FromSeconds(0.5));

        var granted = Enumerable.Range(0, 10).Count(_ => limiter.AttemptAcquire().IsAcquired);
        _time.Advance(TimeSpan.FromSeconds(20));
        using var refused = limiter.AttemptAcquire();
        _time.Advance(TimeSpan.FromSeconds(40));
        var stillRefused = limiter.AttemptAcquire().IsAcquired;
        _time.Advance(TimeSpan.FromSeconds(0.5));

        Assert.Equal(10, granted);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(40.5), retryAfter);
        Assert.False(stillRefused);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Retry_after_waits_for_as_many_permits_as_the_request_needs()
    {
        using var limiter = new RollingWindowLimiter(4, TimeSpan.FromMinutes(1), _time);
        for (var second = 0; second < 4; second++)
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        using var refused = limiter.AttemptAcquire(permitCount: 3);

        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(81 - 40), retryAfter);
    }

    [Fact]
    public void No_minute_ever_holds_more_than_the_limit_and_a_refusal_comes_only_when_it_must()
    {
        using var limiter = new RollingWindowLimiter(10, TimeSpan.FromMinutes(1), _time);
        var random = new Random(15);
        var granted = new List<TimeSpan>();
        var refused = new List<TimeSpan>();
        var elapsed = TimeSpan.Zero;
        for (var i = 0; i < 2000; i++)
        {
            var step = TimeSpan.FromMilliseconds(random.Next(0, 3000));
            _time.Advance(step);
            elapsed += step;
            (limiter.AttemptAcquire().IsAcquired ? granted : refused).Add(elapsed);
        }

        int GrantedIn(TimeSpan from, TimeSpan to) => granted.Count(t => t >= from && t < to);
        Assert.Equal(10, granted.Max(start => GrantedIn(start, start + TimeSpan.FromMinutes(1))));
        Assert.NotEmpty(refused);
        Assert.All(refused, at => Assert.True(GrantedIn(at - TimeSpan.FromSeconds(61), at + TimeSpan.FromTicks(1)) >= 10, $"refused at {at} with room"));
    }

    [Fact]
    public void A_client_just_under_the_rate_is_never_refused()
    {
        using var limiter = new RollingWindowLimiter(10, TimeSpan.FromMinutes(1), _time);

        var refusals = 0;
        for (var i = 0; i < 100; i++)
        {
            refusals += limiter.AttemptAcquire().IsAcquired ? 0 : 1;
            _time.Advance(TimeSpan.FromSeconds(6.2));
        }

        Assert.Equal(0, refusals);
    }

    [Fact]
    public void The_limiter_is_idle_once_every_permit_is_back()
    {
        using var limiter = new RollingWindowLimiter(2, TimeSpan.FromMinutes(1), _time);
        Assert.NotNull(limiter.IdleDuration);

        limiter.AttemptAcquire();
        _time.Advance(TimeSpan.FromSeconds(60));
        var busy = limiter.IdleDuration;
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Null(busy);
        Assert.Equal(TimeSpan.FromSeconds(4), limiter.IdleDuration);
        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);
    }
}
