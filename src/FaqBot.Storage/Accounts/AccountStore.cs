using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FaqBot.Storage.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.Accounts;

/// <summary>Staff accounts in the <c>users</c> table. Passwords are hashed with ASP.NET Core
/// Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2) and rehashed on sign-in when its
/// settings have grown stronger. After <see cref="AccountOptions.MaxFailedAttempts"/> failures in a
/// row an account is locked for <see cref="AccountOptions.LockoutMinutes"/>; an unknown name costs
/// the same hashing work as a known one and gets the same answer as a wrong password.</summary>
public sealed partial class AccountStore
{
    public const int MinNameLength = 2;
    public const int MaxNameLength = 64;
    public const int MaxPasswordLength = 1024;

    private const int SqliteConstraint = 19;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly AccountOptions _options;
    private readonly PasswordHasher<AccountStore> _hasher;
    private readonly Lazy<string> _dummyHash;

    public AccountStore(SqliteDatabase database, TimeProvider time, IOptions<AccountOptions> options, IOptions<PasswordHasherOptions>? hasherOptions = null)
    {
        _database = database;
        _time = time;
        _options = options.Value;
        _hasher = new PasswordHasher<AccountStore>(hasherOptions);
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(this, RandomNumberGenerator.GetHexString(32)));
    }

    public int MinPasswordLength => _options.MinPasswordLength;

    /// <summary>Why <paramref name="name"/> cannot be an account name, or null when it can.</summary>
    public static string? NameProblem(string? name) => name switch
    {
        null or "" => "A name is required.",
        { Length: < MinNameLength or > MaxNameLength } => $"A name must be {MinNameLength} to {MaxNameLength} characters long.",
        _ when !NamePattern().IsMatch(name) => "A name may contain only letters A-Z, digits and . - _ @.",
        _ => null,
    };

    /// <summary>Why <paramref name="password"/> cannot be a password, or null when it can.</summary>
    public string? PasswordProblem(string? password) => password switch
    {
        null or "" => "A password is required.",
        _ when string.IsNullOrWhiteSpace(password) => "A password cannot be only spaces.",
        { Length: var n } when n < _options.MinPasswordLength => $"A password must be at least {_options.MinPasswordLength} characters long.",
        { Length: > MaxPasswordLength } => $"A password must be at most {MaxPasswordLength} characters long.",
        _ => null,
    };

    public async Task<Account> AddAsync(string name, string role, string password, CancellationToken cancellationToken)
    {
        Check(NameProblem(name));
        role = Roles.Parse(role);
        Check(PasswordProblem(password));
        var now = _time.GetUtcNow();
        var hash = _hasher.HashPassword(this, password);
        await using var connection = _database.Open();
        await using var command = Command(connection, """
            INSERT INTO users (name, role, password_hash, failed_count, locked_until, created_at)
            VALUES ($name, $role, $hash, 0, NULL, $now);
            """, ("$name", name), ("$role", role), ("$hash", hash), ("$now", now.ToUnixTimeMilliseconds()));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw new AccountException($"The name '{name}' is taken (names are compared without regard to case).", ex);
        }

        return new Account(name, role, DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()), 0, null, Stamp(hash));
    }

    /// <summary>Gives an account another role and returns the role it had. The last admin keeps the role.</summary>
    public async Task<string> SetRoleAsync(string name, string role, CancellationToken cancellationToken)
    {
        role = Roles.Parse(role);
        var account = await RequireAsync(name, cancellationToken);
        await using var connection = _database.Open();
        await using var command = Command(connection, """
            UPDATE users SET role = $role
            WHERE name = $name AND NOT (role = 'admin' AND $role <> 'admin' AND (SELECT COUNT(*) FROM users WHERE role = 'admin') <= 1);
            """, ("$name", account.Name), ("$role", role));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            await RequireAsync(name, cancellationToken);
            throw new AccountException($"'{account.Name}' is the last admin; make another account admin first.");
        }

        return account.Role;
    }

    /// <summary>Sets a new password and lifts any lockout.</summary>
    public async Task SetPasswordAsync(string name, string password, CancellationToken cancellationToken)
    {
        Check(PasswordProblem(password));
        await using var connection = _database.Open();
        await using var command = Command(connection,
            "UPDATE users SET password_hash = $hash, failed_count = 0, locked_until = NULL WHERE name = $name;",
            ("$name", name), ("$hash", _hasher.HashPassword(this, password)));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw NoSuchAccount(name);
        }
    }

    /// <summary>Deletes an account and returns it as it was. The last admin cannot be removed.</summary>
    public async Task<Account> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        var account = await RequireAsync(name, cancellationToken);
        await using var connection = _database.Open();
        await using var command = Command(connection, """
            DELETE FROM users
            WHERE name = $name AND NOT (role = 'admin' AND (SELECT COUNT(*) FROM users WHERE role = 'admin') <= 1);
            """, ("$name", account.Name));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            await RequireAsync(name, cancellationToken);
            throw new AccountException($"'{account.Name}' is the last admin; make another account admin first.");
        }

        return account;
    }

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = Command(connection,
            "SELECT name, role, created_at, failed_count, locked_until, password_hash FROM users ORDER BY name COLLATE NOCASE;");
        var accounts = new List<Account>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(ReadAccount(reader));
        }

        return accounts;
    }

    /// <summary>The account named <paramref name="name"/> in any case, or null.</summary>
    public async Task<Account?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = Command(connection,
            "SELECT name, role, created_at, failed_count, locked_until, password_hash FROM users WHERE name = $name;", ("$name", name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAccount(reader) : null;
    }

    /// <summary>Checks a name and password. Unknown names and wrong passwords give the same result
    /// after the same work; a locked account is refused whatever the password.</summary>
    public async Task<SignInResult> SignInAsync(string name, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        var now = _time.GetUtcNow();
        var stored = NameProblem(name) is null ? await ReadCredentialAsync(name, cancellationToken) : null;
        if (stored is null)
        {
            _hasher.VerifyHashedPassword(this, _dummyHash.Value, password);
            return SignInResult.WrongCredentials;
        }

        if (stored.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            _hasher.VerifyHashedPassword(this, _dummyHash.Value, password);
            return new SignInResult(SignInStatus.LockedOut, stored.Name, LockedUntil: lockedUntil);
        }

        var verdict = _hasher.VerifyHashedPassword(this, stored.Hash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            return await RecordFailureAsync(stored.Name, now, cancellationToken);
        }

        var hash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(this, password) : stored.Hash;
        if (hash != stored.Hash || stored.FailedCount > 0 || stored.LockedUntil is not null)
        {
            await using var connection = _database.Open();
            await using var command = Command(connection,
                "UPDATE users SET password_hash = $hash, failed_count = 0, locked_until = NULL WHERE name = $name;",
                ("$name", stored.Name), ("$hash", hash));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new SignInResult(SignInStatus.Succeeded, stored.Name, stored.Role, Stamp: Stamp(hash));
    }

    /// <summary>Counts a failure; the one that reaches the limit locks the account and starts the count again.</summary>
    private async Task<SignInResult> RecordFailureAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now + _options.Lockout;
        await using var connection = _database.Open();
        await using var command = Command(connection, """
            UPDATE users SET
                failed_count = CASE WHEN failed_count + 1 >= $max THEN 0 ELSE failed_count + 1 END,
                locked_until = CASE WHEN failed_count + 1 >= $max THEN $until ELSE NULL END
            WHERE name = $name AND (locked_until IS NULL OR locked_until <= $now)
            RETURNING locked_until;
            """, ("$name", name), ("$max", _options.MaxFailedAttempts), ("$until", until.ToUnixTimeMilliseconds()), ("$now", now.ToUnixTimeMilliseconds()));
        var locked = await command.ExecuteScalarAsync(cancellationToken);
        return locked is long ms
            ? new SignInResult(SignInStatus.LockedOut, name, LockedUntil: DateTimeOffset.FromUnixTimeMilliseconds(ms))
            : SignInResult.WrongCredentials;
    }

    private async Task<Account> RequireAsync(string name, CancellationToken cancellationToken) =>
        await FindAsync(name, cancellationToken) ?? throw NoSuchAccount(name);

    private async Task<StoredCredential?> ReadCredentialAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = Command(connection,
            "SELECT name, role, password_hash, failed_count, locked_until FROM users WHERE name = $name;", ("$name", name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredCredential(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
            reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
    }

    private static Account ReadAccount(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        reader.GetInt32(3),
        reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        Stamp(reader.GetString(5)));

    /// <summary>Changes whenever the password hash does: a session remembers it, so a new password
    /// ends the sessions signed in with the old one.</summary>
    private static string Stamp(string hash) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hash)), 0, 12);

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (parameter, value) in parameters)
        {
            command.Parameters.AddWithValue(parameter, value);
        }

        return command;
    }

    private static void Check(string? problem)
    {
        if (problem is not null)
        {
            throw new AccountException(problem);
        }
    }

    private static AccountException NoSuchAccount(string name) => new($"There is no account '{name}'.");

    [GeneratedRegex("^[A-Za-z0-9._@-]+$")]
    private static partial Regex NamePattern();

    private sealed record StoredCredential(string Name, string Role, string Hash, int FailedCount, DateTimeOffset? LockedUntil);
}
