using System.ComponentModel.DataAnnotations;

namespace FaqBot.Storage.Accounts;

/// <summary>Section <c>Accounts</c>: password length and the lockout after failed sign-ins.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Consecutive failed sign-ins that lock an account.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Shortest password accepted for a new or reset password; never below 12.</summary>
    [Range(12, 1024)]
    public int MinPasswordLength { get; set; } = 12;

    public TimeSpan Lockout => TimeSpan.FromMinutes(LockoutMinutes);
}
