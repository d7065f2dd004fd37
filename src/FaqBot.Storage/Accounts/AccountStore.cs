using System.Data.Common;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FaqBot.Storage.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.Accounts;

/// <summary>Staff accounts in the <c>users</c> table. Passwords are hashed with ASP.NET Core
/// Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2) and rehashed on sign-in when its
/// settings have grown stronger. Failed sign-ins are counted per account and client address
/// (<c>sign_in_clients</c>): <see cref="AccountOptions.MaxFailedAttempts"/> in a row lock that
/// address out of the account for <see cref="AccountOptions.LockoutMinutes"/>, so an outsider can
/// lock out only themselves. <see cref="AccountOptions.MaxFailedAttemptsPerAccount"/> failures in a
/// row from all addresses together refuse, for as long, addresses that have not signed in to the
/// account lately. An unknown name costs the same hashing work as a known one and gets the same
/// answer as a wrong password. A new password, a new role or removal ends the account's sessions.</summary>
public sealed partial class AccountStore
{
    public const int MinNameLength = 2;
    public const int MaxNameLength = 64;
    public const int MaxPasswordLength = 1024;

    /// <summary>The longest client key kept (an address or address block is far shorter).</summary>
    public const int MaxClientLength = 64;

    private readonly IStoreDatabase _database;
    private readonly TimeProvider _time;
    private readonly AccountOptions _options;
    private readonly PasswordHasher<AccountStore> _hasher;
    private readonly Lazy<string> _dummyHash;

    public AccountStore(IStoreDatabase database, TimeProvider time, IOptions<AccountOptions> options, IOptions<PasswordHasherOptions>? hasherOptions = null)
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
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, """
            INSERT INTO users (name, role, password_hash, failed_count, locked_until, created_at)
            VALUES (@name, @role, @hash, 0, NULL, @now);
            """, ("@name", name), ("@role", role), ("@hash", hash), ("@now", now.ToUnixTimeMilliseconds()));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException ex) when (_database.IsUniqueViolation(ex))
        {
            throw new AccountException($"The name '{name}' is taken (names are compared without regard to case).", ex);
        }

        return new Account(name, role, DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()), 0, null);
    }

    /// <summary>Gives an account another role and returns the role it had; the account's sessions
    /// end, so it signs in again under the new role. The last admin keeps the role.</summary>
    public async Task<string> SetRoleAsync(string name, string role, CancellationToken cancellationToken)
    {
        role = Roles.Parse(role);
        var account = await RequireAsync(name, cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var command = Sql.Command(connection, """
            UPDATE users SET role = @role
            WHERE lower(name) = lower(@name) AND NOT (role = 'admin' AND @role <> 'admin' AND (SELECT COUNT(*) FROM users WHERE role = 'admin') <= 1);
            """, ("@name", account.Name), ("@role", role));
        command.Transaction = transaction;
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            await RequireAsync(name, cancellationToken);
            throw new AccountException($"'{account.Name}' is the last admin; make another account admin first.");
        }

        await EndSessionsAsync(transaction, account.Name, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account.Role;
    }

    /// <summary>Sets a new password, lifts every lockout of the account and ends its sessions.</summary>
    public async Task SetPasswordAsync(string name, string password, CancellationToken cancellationToken)
    {
        Check(PasswordProblem(password));
        var hash = _hasher.HashPassword(this, password);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var command = Sql.Command(connection,
            "UPDATE users SET password_hash = @hash, failed_count = 0, locked_until = NULL WHERE lower(name) = lower(@name);",
            ("@name", name), ("@hash", hash));
        command.Transaction = transaction;
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw NoSuchAccount(name);
        }

        await using var clients = Sql.Command(connection,
            "UPDATE sign_in_clients SET failed_count = 0, locked_until = NULL WHERE lower(user_name) = lower(@name);", ("@name", name));
        clients.Transaction = transaction;
        await clients.ExecuteNonQueryAsync(cancellationToken);
        await EndSessionsAsync(transaction, name, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes an account (its sessions and sign-in counts with it) and returns it as it
    /// was. The last admin cannot be removed.</summary>
    public async Task<Account> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        var account = await RequireAsync(name, cancellationToken);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, """
            DELETE FROM users
            WHERE lower(name) = lower(@name) AND NOT (role = 'admin' AND (SELECT COUNT(*) FROM users WHERE role = 'admin') <= 1);
            """, ("@name", account.Name));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            await RequireAsync(name, cancellationToken);
            throw new AccountException($"'{account.Name}' is the last admin; make another account admin first.");
        }

        return account;
    }

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection,
            $"SELECT {AccountColumns} FROM users u ORDER BY lower(u.name), u.name;", ("@now", _time.GetUtcNow().ToUnixTimeMilliseconds()));
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
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection,
            $"SELECT {AccountColumns} FROM users u WHERE lower(u.name) = lower(@name);", ("@name", name), ("@now", _time.GetUtcNow().ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAccount(reader) : null;
    }

    /// <summary>Checks a name and password tried from <paramref name="client"/> (an address, or the
    /// address block one party holds). Unknown names and wrong passwords give the same result after
    /// the same work; an address locked out of the account is refused whatever the password, and so
    /// is an address the account does not know while the account-wide brake is on.</summary>
    public async Task<SignInResult> SignInAsync(string name, string password, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(client);
        client = client.Length > MaxClientLength ? client[..MaxClientLength] : client;
        var now = _time.GetUtcNow();
        var stored = NameProblem(name) is null ? await ReadCredentialAsync(name, client, now, cancellationToken) : null;
        if (stored is null)
        {
            _hasher.VerifyHashedPassword(this, _dummyHash.Value, password);
            return SignInResult.WrongCredentials;
        }

        if (stored.RefusedUntil(now) is { } refusedUntil)
        {
            _hasher.VerifyHashedPassword(this, _dummyHash.Value, password);
            return new SignInResult(SignInStatus.LockedOut, stored.Name, LockedUntil: refusedUntil);
        }

        var verdict = _hasher.VerifyHashedPassword(this, stored.Hash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            return await RecordFailureAsync(stored, client, now, cancellationToken);
        }

        var hash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? _hasher.HashPassword(this, password) : stored.Hash;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, """
            UPDATE users SET password_hash = @hash, failed_count = 0, locked_until = NULL WHERE lower(name) = lower(@name);
            INSERT INTO sign_in_clients (user_name, client, failed_count, locked_until, last_failed_at, signed_in_at)
            VALUES (@name, @client, 0, NULL, NULL, @now)
            ON CONFLICT (user_name, client) DO UPDATE SET failed_count = 0, locked_until = NULL, signed_in_at = @now;
            """, ("@name", stored.Name), ("@hash", hash), ("@client", client), ("@now", now.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new SignInResult(SignInStatus.Succeeded, stored.Name, stored.Role);
    }

    /// <summary>Counts a failure for the address and for the account. The failure that reaches an
    /// address's limit locks that address out and starts its count again; the one that reaches the
    /// account-wide limit turns the brake on. Counts of addresses that went quiet are forgotten.</summary>
    private async Task<SignInResult> RecordFailureAsync(StoredCredential stored, string client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = (now + _options.Lockout).ToUnixTimeMilliseconds();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var command = Sql.Command(connection, """
            INSERT INTO sign_in_clients (user_name, client, failed_count, locked_until, last_failed_at)
            VALUES (@name, @client, CASE WHEN @max <= 1 THEN 0 ELSE 1 END, CASE WHEN @max <= 1 THEN @until END, @now)
            ON CONFLICT (user_name, client) DO UPDATE SET
                failed_count = CASE WHEN sign_in_clients.failed_count + 1 >= @max THEN 0 ELSE sign_in_clients.failed_count + 1 END,
                locked_until = CASE WHEN sign_in_clients.failed_count + 1 >= @max THEN @until ELSE NULL END,
                last_failed_at = @now;
            UPDATE users SET
                failed_count = CASE WHEN failed_count + 1 >= @accountMax THEN 0 ELSE failed_count + 1 END,
                locked_until = CASE WHEN failed_count + 1 >= @accountMax THEN @until ELSE NULL END
            WHERE lower(name) = lower(@name) AND (locked_until IS NULL OR locked_until <= @now);
            DELETE FROM sign_in_clients
            WHERE (locked_until IS NULL OR locked_until <= @now)
              AND CASE WHEN signed_in_at IS NULL THEN last_failed_at <= @quiet ELSE signed_in_at <= @forgotten END;
            """,
            ("@name", stored.Name), ("@client", client), ("@max", _options.MaxFailedAttempts), ("@accountMax", _options.MaxFailedAttemptsPerAccount),
            ("@until", until), ("@now", now.ToUnixTimeMilliseconds()), ("@quiet", (now - _options.Lockout).ToUnixTimeMilliseconds()),
            ("@forgotten", (now - _options.KnownClientFor).ToUnixTimeMilliseconds()));
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
        var after = await ReadCredentialAsync(connection, transaction, stored.Name, client, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after?.RefusedUntil(now) is { } refusedUntil
            ? new SignInResult(SignInStatus.LockedOut, stored.Name, LockedUntil: refusedUntil)
            : SignInResult.WrongCredentials;
    }

    private async Task<Account> RequireAsync(string name, CancellationToken cancellationToken) =>
        await FindAsync(name, cancellationToken) ?? throw NoSuchAccount(name);

    private async Task<StoredCredential?> ReadCredentialAsync(string name, string client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await ReadCredentialAsync(connection, null, name, client, now, cancellationToken);
    }

    private async Task<StoredCredential?> ReadCredentialAsync(
        DbConnection connection, DbTransaction? transaction, string name, string client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, """
            SELECT u.name, u.role, u.password_hash, u.locked_until, c.locked_until, CASE WHEN c.signed_in_at > @known THEN 1 ELSE 0 END
            FROM users u LEFT JOIN sign_in_clients c ON c.user_name = u.name AND c.client = @client
            WHERE lower(u.name) = lower(@name);
            """, ("@name", name), ("@client", client), ("@known", (now - _options.KnownClientFor).ToUnixTimeMilliseconds()));
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredCredential(reader.GetString(0), reader.GetString(1), reader.GetString(2),
            Time(reader, 3), Time(reader, 4), reader.Flag(5));
    }

    /// <summary>Ends every session of <paramref name="name"/> (see <see cref="StaffSessions"/>).</summary>
    private static async Task EndSessionsAsync(DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(transaction.Connection!, "DELETE FROM staff_sessions WHERE lower(user_name) = lower(@name);", ("@name", name));
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The columns <see cref="ReadAccount"/> reads, from <c>users u</c>, with <c>@now</c> bound.</summary>
    private const string AccountColumns = """
        u.name, u.role, u.created_at, u.failed_count, u.locked_until,
        (SELECT COUNT(*) FROM sign_in_clients c WHERE c.user_name = u.name AND c.locked_until > @now)
        """;

    private static Account ReadAccount(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        reader.IntValue(3),
        Time(reader, 4),
        reader.IntValue(5));

    private static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

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

    /// <summary>An account's credential with the lockouts that bear on one client address.</summary>
    private sealed record StoredCredential(string Name, string Role, string Hash, DateTimeOffset? AccountLockedUntil, DateTimeOffset? ClientLockedUntil, bool KnownClient)
    {
        /// <summary>Until when this address is refused: its own lockout, or the account-wide brake
        /// when the address is not known to the account; null when it may try.</summary>
        public DateTimeOffset? RefusedUntil(DateTimeOffset now) =>
            ClientLockedUntil is { } client && client > now ? client
            : !KnownClient && AccountLockedUntil is { } account && account > now ? account
            : null;
    }
}
