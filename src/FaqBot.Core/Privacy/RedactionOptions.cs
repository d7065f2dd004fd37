using System.ComponentModel.DataAnnotations;

namespace FaqBot.Core.Privacy;

/// <summary>What is removed from patient text before it is stored (section <c>Redaction</c>).
/// Everything is on by default; each kind has its own switch (<c>Redaction:Name: false</c>).</summary>
public sealed class RedactionOptions : IValidatableObject
{
    public const string Section = "Redaction";

    /// <summary>Off: text is stored as the patient wrote it.</summary>
    public bool Enabled { get; set; } = true;

    public bool Phone { get; set; } = true;

    public bool Email { get; set; } = true;

    public bool DateOfBirth { get; set; } = true;

    public bool StreetAddress { get; set; } = true;

    public bool CardNumber { get; set; } = true;

    public bool SocialSecurityNumber { get; set; } = true;

    public bool Name { get; set; } = true;

    /// <summary>Names are read by the statistical name model shipped with the project as well as by
    /// the rules (<c>faqbot train-names</c>; it runs on the embedded MiniLM's word vectors, offline).
    /// Off: the rules alone, and the model is not loaded.</summary>
    public bool NameModel { get; set; } = true;

    public bool IdNumber { get; set; } = true;

    public bool OnlineId { get; set; } = true;

    /// <summary>Full dates with a year that are not dates of birth (dates of care, of a discharge, of a claim).</summary>
    public bool Date { get; set; } = true;

    /// <summary>A role at a named workplace after a cue that the writer or a relative is described.</summary>
    public bool Workplace { get; set; } = true;

    /// <summary>The regions read when <see cref="PhoneRegions"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultPhoneRegions =
    [
        "US", "CA", "GB", "IE", "AU", "NZ", "IN", "PK", "PH", "NG", "KE", "ZA", "GH", "DE", "FR", "ES", "IT", "NL", "PT",
        "BR", "MX", "JP", "CN", "KR", "PL",
    ];

    /// <summary>Regions (two-letter codes) whose national formats are read as phone numbers when a
    /// number has no country code: the clinic's own and those its patients commonly come from;
    /// empty means <see cref="DefaultPhoneRegions"/>. A number with a country code (<c>+44 ...</c>,
    /// <c>0044 ...</c>) is read whatever its region.</summary>
    public string[] PhoneRegions { get; set; } = [];

    /// <summary>The regions phone numbers are read in.</summary>
    public IReadOnlyList<string> ActivePhoneRegions => PhoneRegions.Length > 0 ? PhoneRegions : DefaultPhoneRegions;

    public bool IsOn(RedactionKind kind) => Enabled && kind switch
    {
        RedactionKind.Phone => Phone,
        RedactionKind.Email => Email,
        RedactionKind.DateOfBirth => DateOfBirth,
        RedactionKind.StreetAddress => StreetAddress,
        RedactionKind.CardNumber => CardNumber,
        RedactionKind.SocialSecurityNumber => SocialSecurityNumber,
        RedactionKind.Name => Name,
        RedactionKind.IdNumber => IdNumber,
        RedactionKind.OnlineId => OnlineId,
        RedactionKind.Date => Date,
        RedactionKind.Workplace => Workplace,
        _ => false,
    };

    /// <summary>Enabled with every kind switched off would store originals while looking safe; an
    /// unknown phone region would be skipped silently.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var region in PhoneRegions.Where(r => !PhoneDetector.IsKnownRegion(r ?? string.Empty)))
        {
            yield return new ValidationResult($"Unknown phone region '{region}': use a two-letter region code such as US or GB.", [nameof(PhoneRegions)]);
        }

        if (Enabled && !Enum.GetValues<RedactionKind>().Any(IsOn))
        {
            yield return new ValidationResult(
                "Redaction is enabled but every kind is switched off; set Enabled to false to store text unredacted.",
                [nameof(Enabled)]);
        }
    }
}
