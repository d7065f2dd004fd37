namespace FaqBot.Core.Knowledge;

public static class ClinicDate
{
    /// <summary>Today's date in the clock's local time zone: review-by dates are whole days.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
