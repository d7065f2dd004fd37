using System.Globalization;

namespace FaqBot.Core.Configuration;

/// <summary>When the clinic is open, read from <c>Clinic:OpeningHours</c> ("Mon-Fri 09:00-17:00;
/// Sat 10:00-13:00": days or day ranges, each with one span of local time) in
/// <c>Clinic:TimeZone</c> (an IANA or Windows zone id); an end of 24:00 is the end of the day. Empty hours mean never open: staff cannot
/// join a chat, and patients are offered a callback only.</summary>
public sealed class OpeningHours
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private readonly List<(DayOfWeek Day, TimeOnly From, TimeOnly To)> _spans;

    private OpeningHours(List<(DayOfWeek, TimeOnly, TimeOnly)> spans, TimeZoneInfo zone)
    {
        _spans = spans;
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    public bool IsEmpty => _spans.Count == 0;

    /// <summary>The hours, or why they cannot be read (a message naming the setting and what it expects).</summary>
    public static OpeningHours Parse(string? hours, string? timeZone, out string? error)
    {
        error = null;
        TimeZoneInfo zone;
        try
        {
            zone = string.IsNullOrWhiteSpace(timeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZone.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            error = $"Clinic:TimeZone '{timeZone}' is not a time zone this machine knows (use an IANA id such as America/Chicago).";
            return new OpeningHours([], TimeZoneInfo.Utc);
        }

        var spans = new List<(DayOfWeek, TimeOnly, TimeOnly)>();
        foreach (var part in (hours ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length != 2 || !TryDays(words[0], out var days) || !TrySpan(words[1], out var from, out var to))
            {
                error = $"Clinic:OpeningHours: '{part}' is not like 'Mon-Fri 09:00-17:00' (days or a day range, then one span of 24-hour times, the end after the start); separate parts with ';'.";
                return new OpeningHours([], zone);
            }

            spans.AddRange(days.Select(d => (d, from, to)));
        }

        return new OpeningHours(spans, zone);
    }

    /// <summary>Whether the clinic is open at <paramref name="at"/>.</summary>
    public bool IsOpen(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return _spans.Any(s => s.Day == local.DayOfWeek && time >= s.From && (time < s.To || s.To == TimeOnly.MaxValue));
    }

    /// <summary>The next moment the clinic opens after <paramref name="at"/> (within a week), or null when it never does.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        DateTimeOffset? best = null;
        for (var day = 0; day <= 7; day++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(day);
            foreach (var span in _spans.Where(s => s.Day == date.DayOfWeek))
            {
                var opening = date.ToDateTime(span.From);
                var offset = Zone.GetUtcOffset(opening);
                var moment = new DateTimeOffset(opening, offset);
                if (moment > at && (best is null || moment < best))
                {
                    best = moment;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return best;
    }

    /// <summary>"Monday 09:00 (America/Chicago)": a moment as a patient reads the next opening.</summary>
    public string Describe(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        return local.ToString("dddd HH:mm", CultureInfo.InvariantCulture) + $" ({Zone.Id})";
    }

    private static bool TryDays(string text, out List<DayOfWeek> days)
    {
        days = [];
        var ends = text.Split('-');
        if (ends.Length is < 1 or > 2 || !TryDay(ends[0], out var first))
        {
            return false;
        }

        var last = first;
        if (ends.Length == 2 && !TryDay(ends[1], out last))
        {
            return false;
        }

        for (var d = (int)first; ; d = (d + 1) % 7)
        {
            days.Add((DayOfWeek)d);
            if (d == (int)last)
            {
                return true;
            }
        }
    }

    private static bool TryDay(string text, out DayOfWeek day)
    {
        var index = Array.IndexOf(DayNames, text.Length >= 3 ? text[..3].ToLowerInvariant() : "");
        day = (DayOfWeek)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>"09:00-17:00"; an end of 24:00 is the end of the day.</summary>
    private static bool TrySpan(string text, out TimeOnly from, out TimeOnly to)
    {
        from = to = default;
        var ends = text.Split('-');
        if (ends.Length != 2 || !TimeOnly.TryParseExact(ends[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
        {
            return false;
        }

        if (ends[1] == "24:00")
        {
            to = TimeOnly.MaxValue;
            return true;
        }

        return TimeOnly.TryParseExact(ends[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out to) && to > from;
    }
}
