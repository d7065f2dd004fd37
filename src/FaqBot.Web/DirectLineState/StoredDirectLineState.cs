using System.Security.Cryptography;
using FaqBot.BotFramework.DirectLine;
using FaqBot.Storage.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.DirectLineState;

/// <summary>Direct Line state in the store's database (SQLite or PostgreSQL), so a restart keeps every live conversation:
/// the same token reads the same conversation from the same watermark and goes on. Each write is
/// its own short transaction, committed before the call that made it is acknowledged. Activities
/// hold what patients typed, so their JSON is encrypted with the data-protection keys under a
/// purpose of its own; tokens are kept only as hashes. A conversation keeps at most
/// <c>DirectLine:MaxActivitiesKept</c> activities here too (older ones are deleted as new ones come),
/// and idle conversations are deleted with everything they hold.</summary>
public sealed partial class StoredDirectLineState(
    IStoreDatabase database, IDataProtectionProvider protection, IOptions<DirectLineOptions> options, ILogger<StoredDirectLineState> log) : IDirectLineStore
{
    private readonly int _maxKept = options.Value.MaxActivitiesKept;

    public const string Purpose = "FaqBot.DirectLine.Activity.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public async Task SaveConversationAsync(string id, string userId, bool started, DateTimeOffset at) => await database.ExecuteAsync("""
        INSERT INTO directline_conversations (id, user_id, started, created_at, last_at) VALUES (@id, @user, @started, @at, @at)
        ON CONFLICT (id) DO UPDATE SET
            started = CASE WHEN excluded.started > directline_conversations.started THEN excluded.started ELSE directline_conversations.started END,
            last_at = CASE WHEN excluded.last_at > directline_conversations.last_at THEN excluded.last_at ELSE directline_conversations.last_at END;
        """, ("@id", id), ("@user", userId), ("@started", started ? 1 : 0), ("@at", at.ToUnixTimeMilliseconds()));

    public async Task AppendActivityAsync(string conversationId, long sequence, byte[] json, DateTimeOffset at) => await database.ExecuteAsync("""
        INSERT INTO directline_activities (conversation_id, seq, at, json) VALUES (@conversation, @seq, @at, @json);
        DELETE FROM directline_activities WHERE conversation_id = @conversation AND seq <= @seq - @max;
        UPDATE directline_conversations SET last_at = CASE WHEN @at > last_at THEN @at ELSE last_at END WHERE id = @conversation;
        """, ("@conversation", conversationId), ("@seq", sequence), ("@at", at.ToUnixTimeMilliseconds()), ("@json", _protector.Protect(json)), ("@max", _maxKept));

    public bool Shared => database.Shared;

    /// <summary>Locks the conversation's row (an UPDATE holds it to the end of the transaction, on
    /// both engines), then numbers the activity after the newest stored and stamps it at least a
    /// millisecond after it.</summary>
    public async Task<SequencedActivity> AppendNextAsync(string conversationId, DateTimeOffset now, Func<long, DateTimeOffset, byte[]> serialize)
    {
        ArgumentNullException.ThrowIfNull(serialize);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var touch = Sql.Command(connection, transaction, "UPDATE directline_conversations SET last_at = CASE WHEN @at > last_at THEN @at ELSE last_at END WHERE id = @id;",
            ("@id", conversationId), ("@at", now.ToUnixTimeMilliseconds())))
        {
            if (await touch.ExecuteNonQueryAsync() == 0)
            {
                throw new InvalidOperationException($"Direct Line conversation {conversationId} is not in the store.");
            }
        }

        long sequence = 0;
        var stamp = now;
        await using (var last = Sql.Command(connection, transaction, "SELECT seq, at FROM directline_activities WHERE conversation_id = @id ORDER BY seq DESC LIMIT 1;", ("@id", conversationId)))
        {
            await using var reader = await last.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                sequence = reader.GetInt64(0) + 1;
                var after = reader.Time(1).AddMilliseconds(1);
                stamp = now >= after ? now : after;
            }
        }

        var json = serialize(sequence, stamp);
        await using (var insert = Sql.Command(connection, transaction, """
            INSERT INTO directline_activities (conversation_id, seq, at, json) VALUES (@conversation, @seq, @at, @json);
            DELETE FROM directline_activities WHERE conversation_id = @conversation AND seq <= @seq - @max;
            """, ("@conversation", conversationId), ("@seq", sequence), ("@at", stamp.ToUnixTimeMilliseconds()), ("@json", _protector.Protect(json)), ("@max", _maxKept)))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return new SequencedActivity(sequence, stamp, json);
    }

    public async Task<IReadOnlyList<SequencedActivity>> LoadSinceAsync(string conversationId, long from, int max)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = Sql.Command(connection, """
            SELECT seq, at, json FROM (
                SELECT seq, at, json FROM directline_activities WHERE conversation_id = @id AND seq >= @from ORDER BY seq DESC LIMIT @max) AS recent
            ORDER BY seq;
            """, ("@id", conversationId), ("@from", from), ("@max", max));
        await using var reader = await command.ExecuteReaderAsync();
        var activities = new List<SequencedActivity>();
        while (await reader.ReadAsync())
        {
            activities.Add(new SequencedActivity(reader.GetInt64(0), reader.Time(1), Open(conversationId, (byte[])reader[2])));
        }

        return activities;
    }

    public async Task<bool> MarkStartedAsync(string conversationId, DateTimeOffset at) => await database.ExecuteAsync(
        "UPDATE directline_conversations SET started = 1, last_at = CASE WHEN @at > last_at THEN @at ELSE last_at END WHERE id = @id AND started = 0;",
        ("@id", conversationId), ("@at", at.ToUnixTimeMilliseconds())) > 0;

    public async Task TouchAsync(string conversationId, DateTimeOffset at) => await database.ExecuteAsync(
        "UPDATE directline_conversations SET last_at = CASE WHEN @at > last_at THEN @at ELSE last_at END WHERE id = @id;",
        ("@id", conversationId), ("@at", at.ToUnixTimeMilliseconds()));

    public async Task<bool> SaveGrantAsync(ConversationGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return await database.ExecuteAsync("""
            INSERT INTO directline_grants (conversation_id, user_id, generation, token_hash, issued_at, expires, replaced_hash, replaced_until)
            VALUES (@conversation, @user, @generation, @hash, @issued, @expires, @replaced, @until)
            ON CONFLICT (conversation_id) DO UPDATE SET generation = excluded.generation, token_hash = excluded.token_hash,
                issued_at = excluded.issued_at, expires = excluded.expires, replaced_hash = excluded.replaced_hash, replaced_until = excluded.replaced_until
            WHERE excluded.generation > directline_grants.generation;
            """, ("@conversation", grant.ConversationId), ("@user", grant.UserId), ("@generation", grant.Generation), ("@hash", grant.TokenHash),
            ("@issued", grant.IssuedAt.ToUnixTimeMilliseconds()), ("@expires", grant.Expires.ToUnixTimeMilliseconds()),
            ("@replaced", grant.ReplacedHash), ("@until", grant.ReplacedUntil == default ? 0L : grant.ReplacedUntil.ToUnixTimeMilliseconds())) > 0;
    }

    public async Task<StoredConversation?> LoadConversationAsync(string id, int maxKept)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        string userId;
        bool started;
        DateTimeOffset lastAt;
        await using (var conversation = Sql.Command(connection, "SELECT user_id, started, last_at FROM directline_conversations WHERE id = @id;", ("@id", id)))
        await using (var row = await conversation.ExecuteReaderAsync())
        {
            if (!await row.ReadAsync())
            {
                return null;
            }

            (userId, started, lastAt) = (row.GetString(0), row.Flag(1), row.Time(2));
        }

        await using var activities = Sql.Command(connection, """
            SELECT seq, at, json FROM (SELECT seq, at, json FROM directline_activities WHERE conversation_id = @id ORDER BY seq DESC LIMIT @max) AS recent
            ORDER BY seq;
            """, ("@id", id), ("@max", maxKept));
        await using var reader = await activities.ExecuteReaderAsync();
        var recent = new List<byte[]>();
        long appended = 0;
        var lastStamp = DateTimeOffset.MinValue;
        while (await reader.ReadAsync())
        {
            appended = reader.GetInt64(0) + 1;
            lastStamp = reader.Time(1);
            recent.Add(Open(id, (byte[])reader[2]));
        }

        return new StoredConversation(id, userId, started, lastAt, appended, recent, lastStamp);
    }

    public async Task<ConversationGrant?> LoadGrantAsync(string conversationId)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = Sql.Command(connection, """
            SELECT user_id, generation, token_hash, issued_at, expires, replaced_hash, replaced_until FROM directline_grants WHERE conversation_id = @id;
            """, ("@id", conversationId));
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new ConversationGrant(conversationId, reader.GetString(0), reader.IntValue(1), (byte[])reader[2], reader.Time(3), reader.Time(4),
                reader.IsDBNull(5) ? null : (byte[])reader[5], reader.GetInt64(6) == 0 ? default : reader.Time(6))
            : null;
    }

    public async Task<int> DeleteIdleAsync(DateTimeOffset cutoff)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await database.TryLockAsync(transaction, StoreJob.DirectLineSweep, CancellationToken.None))
        {
            return 0; // another host is sweeping now
        }

        await using var command = Sql.Command(connection, transaction, "DELETE FROM directline_conversations WHERE last_at < @cutoff;", ("@cutoff", cutoff.ToUnixTimeMilliseconds()));
        var deleted = await command.ExecuteNonQueryAsync();
        if (database.Shared)
        {
            // The chat context hosts share (Chat/SharedConversationContexts) goes with its conversation.
            await using var contexts = Sql.Command(connection, transaction, "DELETE FROM conversation_context WHERE updated_at < @cutoff;", ("@cutoff", cutoff.ToUnixTimeMilliseconds()));
            await contexts.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return deleted;
    }

    /// <summary>A stored activity's JSON. With its keys lost the conversation goes on from its
    /// watermark with an empty message in the unreadable one's place.</summary>
    private byte[] Open(string conversationId, byte[] stored)
    {
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException ex)
        {
            LogUnreadable(log, conversationId, ex.Message);
            return """{"type":"message","text":""}"""u8.ToArray();
        }
    }



    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored Direct Line activity of conversation {ConversationId} could not be decrypted and is left out: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string conversationId, string reason);
}
