using System.Globalization;

namespace FaqBot.Storage.Accounts;

/// <summary>A staff account as listed; the password hash never leaves the store.
/// <see cref="FailedCount"/> and <see cref="LockedUntil"/> are the account-wide brake (failures in a
/// row from every address, and until when addresses the account does not know are refused);
/// <see cref="LockedOutClients"/> counts the addresses locked out of it now.</summary>
public sealed record Account(string Name, string Role, DateTimeOffset CreatedAt, int FailedCount, DateTimeOffset? LockedUntil, int LockedOutClients = 0)
{
    /// <summary>Whether the account-wide brake is on: only addresses known to the account may try.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>The account's sign-in state in a few words, as the admin page and the CLI list it.</summary>
    public string StatusAt(DateTimeOffset now) => this switch
    {
        _ when IsLockedAt(now) => string.Create(CultureInfo.InvariantCulture, $"locked until {LockedUntil!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC for addresses it does not know"),
        { LockedOutClients: > 0 } => $"{LockedOutClients} address(es) locked out",
        { FailedCount: > 0 } => $"{FailedCount} failed sign-in(s)",
        _ => "active",
    };
}

public enum SignInStatus
{
    Succeeded,

    /// <summary>Unknown name or wrong password: the two are never told apart.</summary>
    WrongCredentials,

    /// <summary>Too many failures in a row from this address, or from every address while this one
    /// is not known to the account; see <see cref="SignInResult.LockedUntil"/>.</summary>
    LockedOut,
}

/// <summary>The outcome of <see cref="AccountStore.SignInAsync"/>. On success <see cref="Name"/> is
/// the name as stored (its case may differ from what was typed) and <see cref="Role"/> its role.</summary>
public sealed record SignInResult(SignInStatus Status, string? Name = null, string? Role = null, DateTimeOffset? LockedUntil = null)
{
    public bool Succeeded => Status == SignInStatus.Succeeded;

    public static SignInResult WrongCredentials { get; } = new(SignInStatus.WrongCredentials);
}
