using System.ComponentModel.DataAnnotations;

namespace FaqBot.Core.Configuration;

/// <summary>The clinic's own details, used in fixed replies (section <c>Clinic</c>).</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    [Required(AllowEmptyStrings = false)]
    public string Name { get; set; } = "";

    [Required(AllowEmptyStrings = false)]
    public string Phone { get; set; } = "";

    public string Address { get; set; } = "";

    public string Hours { get; set; } = "";

    [Required(AllowEmptyStrings = false)]
    public string EmergencyNumber { get; set; } = "911";

    [Required(AllowEmptyStrings = false)]
    public string CrisisLine { get; set; } = "988";

    public string Website { get; set; } = "";

    /// <summary>The ISO 3166 country whose numbering plan a phone number written without a country
    /// code is read in (callback requests).</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Z]{2}$", ErrorMessage = "Clinic:Region must be a two-letter country code in capitals, such as US or GB.")]
    public string Region { get; set; } = "US";

    /// <summary>When staff can join a patient's chat, such as "Mon-Fri 09:00-17:00; Sat 10:00-13:00"
    /// (see <see cref="OpeningHours"/>); empty: never, patients are offered a callback only.</summary>
    public string OpeningHours { get; set; } = "";

    /// <summary>The zone <see cref="OpeningHours"/> are in (IANA id, such as America/Chicago); empty: UTC.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>The opening hours read, or why they cannot be.</summary>
    public OpeningHours ReadOpeningHours(out string? error) => Configuration.OpeningHours.Parse(OpeningHours, TimeZone, out error);
}
