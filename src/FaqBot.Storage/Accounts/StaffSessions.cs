using System.Security.Cryptography;
using FaqBot.Storage.Database;

namespace FaqBot.Storage.Accounts;

/// <summary>A signed-in session as the store knows it: whose it is, their role now, and until when it lasts.</summary>
public sealed record LiveSession(string Id, string Name, string Role, DateTimeOffset ExpiresAt);

/// <summary>The server's record of staff sessions (<c>staff_sessions</c>). A cookie names its session
/// and is honoured only while the row exists and has not expired, so a session ends on the server:
/// at sign-out, and for every session of an account when its password or role changes or it is
/// removed (<see cref="AccountStore"/> deletes the rows). A copied cookie is worth nothing after that.</summary>
public sealed class StaffSessions(IStoreDatabase database, TimeProvider time)
{
    /// <summary>Opens a session for <paramref name="name"/> lasting <paramref name="lifetime"/> and
    /// returns its id (256 random bits); expired sessions are cleared on the way.</summary>
    public async Task<string> OpenAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, """
            DELETE FROM staff_sessions WHERE expires_at <= @now;
            INSERT INTO staff_sessions (id, user_name, created_at, expires_at)
            SELECT @id, name, @now, @expires FROM users WHERE lower(name) = lower(@name);
            """, ("@id", id), ("@name", name), ("@now", now.ToUnixTimeMilliseconds()), ("@expires", (now + lifetime).ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0
            ? id
            : throw new AccountException($"There is no account '{name}'.");
    }

    /// <summary>The live session <paramref name="id"/> with its account as it is now, or null when
    /// it was ended, has expired, or never was.</summary>
    public async Task<LiveSession?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, """
            SELECT s.id, u.name, u.role, s.expires_at
            FROM staff_sessions s JOIN users u ON u.name = s.user_name
            WHERE s.id = @id AND s.expires_at > @now;
            """, ("@id", id), ("@now", time.GetUtcNow().ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LiveSession(reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
            : null;
    }

    /// <summary>Moves a live session's end to <paramref name="lifetime"/> from now (a sliding cookie
    /// was renewed); an ended or expired session stays ended.</summary>
    public async Task ExtendAsync(string id, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, "UPDATE staff_sessions SET expires_at = @expires WHERE id = @id AND expires_at > @now;",
            ("@id", id), ("@now", now.ToUnixTimeMilliseconds()), ("@expires", (now + lifetime).ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Ends one session (sign-out).</summary>
    public async Task EndAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, "DELETE FROM staff_sessions WHERE id = @id;", ("@id", id));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
