namespace FaqBot.Core.Privacy;

/// <summary>A kind of personal detail the <see cref="Redactor"/> removes from patient text.</summary>
public enum RedactionKind
{
    Phone,
    Email,
    DateOfBirth,
    StreetAddress,
    CardNumber,
    SocialSecurityNumber,
    Name,

    /// <summary>A member, policy, record or licence number, recognised only after such a cue.</summary>
    IdNumber,
}

/// <summary>The typed placeholders that replace each kind of detail.</summary>
public static class RedactionPlaceholders
{
    /// <summary>The whole text, when it could not be examined in time (the redactor fails closed).</summary>
    public const string Withheld = "[redacted]";

    public static string For(RedactionKind kind) => kind switch
    {
        RedactionKind.Phone => "[phone]",
        RedactionKind.Email => "[email]",
        RedactionKind.DateOfBirth => "[date of birth]",
        RedactionKind.StreetAddress => "[address]",
        RedactionKind.CardNumber => "[card number]",
        RedactionKind.SocialSecurityNumber => "[ssn]",
        RedactionKind.Name => "[name]",
        RedactionKind.IdNumber => "[id number]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown redaction kind."),
    };
}
