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

    /// <summary>A member, group, policy, record, licence or passport number, a national id or a
    /// licence plate: after such a cue, or shaped like an id (letters and five digits or more).</summary>
    IdNumber,

    /// <summary>Where a person is found online: a social handle or user name, an IP address.</summary>
    OnlineId,

    /// <summary>A full date (day, month and year) that is not given as a date of birth: the date of
    /// an infusion, a discharge, a claim.</summary>
    Date,

    /// <summary>A person singled out by role and workplace ("I'm the only pharmacist at the Walgreens
    /// on Route 9", "my husband is the head chef at Lulu's on 5th").</summary>
    Workplace,
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
        RedactionKind.OnlineId => "[online id]",
        RedactionKind.Date => "[date]",
        RedactionKind.Workplace => "[workplace]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown redaction kind."),
    };
}
