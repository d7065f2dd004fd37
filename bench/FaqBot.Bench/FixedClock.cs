namespace FaqBot.Bench;

/// <summary>A clock stopped at one instant, in UTC, so results do not depend on the date
/// (snippet expiry is checked against "today" on every question).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    public DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => now;
}
