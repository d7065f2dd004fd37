using FaqBot.Core.Configuration;

namespace FaqBot.Core.Tests.Configuration;

public sealed class OpeningHoursTests
{
    /// <summary>Monday 7 December 2026, 10:30 in Chicago (UTC-6 in winter).</summary>
    private static readonly DateTimeOffset MondayMorning = new(2026, 12, 7, 16, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Hours_are_read_in_the_clinics_zone_with_day_ranges_and_several_parts()
    {
        var hours = OpeningHours.Parse("Mon-Fri 09:00-17:00; Sat 10:00-13:00", "America/Chicago", out var error);

        Assert.Null(error);
        Assert.True(hours.IsOpen(MondayMorning));
        Assert.False(hours.IsOpen(MondayMorning.AddHours(7)));                // 17:30 local
        Assert.False(hours.IsOpen(MondayMorning.AddHours(-2)));               // 08:30 local
        Assert.True(hours.IsOpen(MondayMorning.AddDays(5).AddHours(1)));      // Saturday 11:30
        Assert.False(hours.IsOpen(MondayMorning.AddDays(6)));                 // Sunday
    }

    [Fact]
    public void The_next_opening_skips_the_closed_days_and_is_told_in_the_clinics_time()
    {
        var hours = OpeningHours.Parse("Mon-Fri 09:00-17:00", "America/Chicago", out _);
        var fridayEvening = MondayMorning.AddDays(4).AddHours(9);

        var next = hours.NextOpening(fridayEvening);

        Assert.Equal(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.FromHours(-6)), next);
        Assert.Equal("Monday 09:00 (America/Chicago)", hours.Describe(next!.Value));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(-6)), hours.NextOpening(MondayMorning));
    }

    [Fact]
    public void A_range_can_wrap_over_the_weekend_and_end_at_midnight()
    {
        var hours = OpeningHours.Parse("Sat-Mon 00:00-24:00", "UTC", out var error);

        Assert.Null(error);
        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 12, 7, 23, 59, 59, TimeSpan.Zero)));  // Monday
        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero)));     // Sunday
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero)));    // Tuesday
    }

    [Fact]
    public void No_hours_mean_never_open()
    {
        var hours = OpeningHours.Parse("", "", out var error);

        Assert.Null(error);
        Assert.True(hours.IsEmpty);
        Assert.False(hours.IsOpen(MondayMorning));
        Assert.Null(hours.NextOpening(MondayMorning));
    }

    [Theory]
    [InlineData("Mon-Fri 9-5", "UTC", "OpeningHours")]
    [InlineData("Funday 09:00-17:00", "UTC", "OpeningHours")]
    [InlineData("Mon 17:00-09:00", "UTC", "OpeningHours")]
    [InlineData("Mon 09:00-17:00", "Mars/Olympus_Mons", "TimeZone")]
    public void Hours_that_cannot_be_read_name_the_setting(string text, string zone, string setting)
    {
        OpeningHours.Parse(text, zone, out var error);

        Assert.NotNull(error);
        Assert.Contains("Clinic:" + setting, error, StringComparison.Ordinal);
    }
}
