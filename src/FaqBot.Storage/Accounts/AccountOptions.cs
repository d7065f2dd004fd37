using System.ComponentModel.DataAnnotations;

namespace FaqBot.Storage.Accounts;

/// <summary>Section <c>Accounts</c>: password length and the brakes on failed sign-ins. Failures
/// are counted per account and client address: <see cref="MaxFailedAttempts"/> in a row lock that
/// address out of that account for <see cref="LockoutMinutes"/>, and nobody else. A slower brake
/// counts every address: <see cref="MaxFailedAttemptsPerAccount"/> failures in a row pause sign-in
/// to the account from addresses that have not signed in to it within <see cref="KnownClientDays"/>.</summary>
public sealed class AccountOptions : IValidatableObject
{
    public const string Section = "Accounts";

    /// <summary>Consecutive failed sign-ins from one address that lock that address out of the account.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a lockout (of one address, or of new addresses) lasts; an address whose
    /// failures stop for this long starts its count again.</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Consecutive failed sign-ins to one account from all addresses together that pause
    /// sign-in from addresses not known to the account (guessing spread over many addresses).</summary>
    [Range(1, 100_000)]
    public int MaxFailedAttemptsPerAccount { get; set; } = 50;

    /// <summary>How long an address stays known to an account after a successful sign-in from it.</summary>
    [Range(1, 3650)]
    public int KnownClientDays { get; set; } = 90;

    /// <summary>Shortest password accepted for a new or reset password; never below 12.</summary>
    [Range(12, 1024)]
    public int MinPasswordLength { get; set; } = 12;

    public TimeSpan Lockout => TimeSpan.FromMinutes(LockoutMinutes);

    public TimeSpan KnownClientFor => TimeSpan.FromDays(KnownClientDays);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxFailedAttemptsPerAccount < MaxFailedAttempts)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(MaxFailedAttemptsPerAccount)} ({MaxFailedAttemptsPerAccount}) must be at least {Section}:{nameof(MaxFailedAttempts)} ({MaxFailedAttempts}).",
                [nameof(MaxFailedAttemptsPerAccount)]);
        }
    }
}
