namespace FaqBot.Storage.Accounts;

/// <summary>A staff account as listed; the password hash never leaves the store. <see cref="Stamp"/>
/// changes with the password, so a session can tell that the password it was opened with is gone.</summary>
public sealed record Account(string Name, string Role, DateTimeOffset CreatedAt, int FailedCount, DateTimeOffset? LockedUntil, string Stamp)
{
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

public enum SignInStatus
{
    Succeeded,

    /// <summary>Unknown name or wrong password: the two are never told apart.</summary>
    WrongCredentials,

    /// <summary>Too many failures in a row; see <see cref="SignInResult.LockedUntil"/>.</summary>
    LockedOut,
}

/// <summary>The outcome of <see cref="AccountStore.SignInAsync"/>. On success <see cref="Name"/> is
/// the name as stored (its case may differ from what was typed), <see cref="Role"/> its role and
/// <see cref="Stamp"/> its password stamp.</summary>
public sealed record SignInResult(SignInStatus Status, string? Name = null, string? Role = null, DateTimeOffset? LockedUntil = null, string? Stamp = null)
{
    public bool Succeeded => Status == SignInStatus.Succeeded;

    public static SignInResult WrongCredentials { get; } = new(SignInStatus.WrongCredentials);
}
