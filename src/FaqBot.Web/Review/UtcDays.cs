namespace FaqBot.Web.Review;

/// <summary>Staff date filters name whole UTC days; these are the instants that bound a day, for
/// every day a filter can name (0001-01-01 to 9999-12-31), so no date at either end of the
/// calendar overflows.</summary>
public static class UtcDays
{
    /// <summary>The first instant of <paramref name="day"/>.</summary>
    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The instant just after <paramref name="day"/> (an exclusive bound): the next day's
    /// start, or for the last day of the calendar the last instant there is.</summary>
    public static DateTimeOffset End(DateOnly day) => day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : Start(day.AddDays(1));

    /// <summary><paramref name="days"/> days before <paramref name="day"/>, or the first day of the calendar.</summary>
    public static DateOnly Before(DateOnly day, int days) => day.DayNumber >= days ? day.AddDays(-days) : DateOnly.MinValue;
}
