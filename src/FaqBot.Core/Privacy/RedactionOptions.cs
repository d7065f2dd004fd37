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

    public bool IdNumber { get; set; } = true;

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
        _ => false,
    };

    /// <summary>Enabled with every kind switched off would store originals while looking safe.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && !Enum.GetValues<RedactionKind>().Any(IsOn))
        {
            yield return new ValidationResult(
                "Redaction is enabled but every kind is switched off; set Enabled to false to store text unredacted.",
                [nameof(Enabled)]);
        }
    }
}
