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
}
