using System.Text.Json;
using FaqBot.Core.Answering;
using FaqBot.Storage.Database;
using FaqBot.Storage.Transcripts;

namespace FaqBot.Web.Chat;

/// <summary>On hosts sharing a database: the part of <see cref="ConversationState"/> the next
/// message is read with (an urgent message earlier, so replies keep repeating the crisis
/// resources; the last question, for follow-ups; the choices last offered; whether the patient
/// was welcomed), kept in <c>conversation_context</c> so whichever host takes the next message
/// reads it the same. The last question is patient text: it is stored encrypted
/// (<see cref="StoredText"/>). Rows idle past the Direct Line idle time are deleted with their
/// conversations. A single host keeps all of it in memory, and this does nothing.</summary>
public sealed class SharedConversationContexts(IStoreDatabase database, StoredText text, TimeProvider time)
{
    public bool Enabled => database.Shared;

    /// <summary>Replaces the state's context with the stored one, when there is one.</summary>
    public async Task LoadIntoAsync(string channelId, string conversationId, ConversationState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, """
            SELECT earlier_urgent, welcomed, topic, offered FROM conversation_context WHERE channel_id = @channel AND conversation_id = @id;
            """, ("@channel", channelId), ("@id", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return;
        }

        var topic = reader.NullableString(2) is { } stored ? text.TryRead(stored) : null;
        state.Context = new ConversationContext(reader.Flag(0))
        {
            Topic = topic,
            Offered = JsonSerializer.Deserialize<string[]>(reader.GetString(3)) ?? [],
        };
        state.Welcomed = state.Welcomed || reader.Flag(1);
    }

    public async Task SaveAsync(string channelId, string conversationId, ConversationState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var context = state.Context;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, """
            INSERT INTO conversation_context (channel_id, conversation_id, earlier_urgent, welcomed, topic, offered, updated_at)
            VALUES (@channel, @id, @urgent, @welcomed, @topic, @offered, @at)
            ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
                earlier_urgent = CASE WHEN excluded.earlier_urgent > conversation_context.earlier_urgent THEN excluded.earlier_urgent ELSE conversation_context.earlier_urgent END,
                welcomed = CASE WHEN excluded.welcomed > conversation_context.welcomed THEN excluded.welcomed ELSE conversation_context.welcomed END,
                topic = excluded.topic, offered = excluded.offered, updated_at = excluded.updated_at;
            """, ("@channel", channelId), ("@id", conversationId), ("@urgent", context.EarlierUrgent), ("@welcomed", state.Welcomed),
            ("@topic", context.Topic is { } topic ? text.Protect(topic) : null), ("@offered", JsonSerializer.Serialize(context.Offered)),
            ("@at", time.GetUtcNow().ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
