using FaqBot.Core.Answering;
using System.Data.Common;
using FaqBot.Storage.Database;

namespace FaqBot.Storage.Transcripts;

/// <summary>The writer connection's prepared statements: a turn's conversation row, its activities,
/// its decision and its handoff.</summary>
internal sealed class TurnWriter : IDisposable
{
    private readonly DbCommand _conversation;
    private readonly DbCommand _activity;
    private readonly DbCommand _turn;
    private readonly DbCommand _handoff;
    private readonly DbCommand _callback;
    private readonly DbCommand _callbackItem;

    public TurnWriter(DbConnection connection)
    {
        _conversation = Command(connection, """
            INSERT INTO conversations (id, channel, started_at, last_at) VALUES (@id, @channel, @at, @at)
            ON CONFLICT (id) DO UPDATE SET last_at = CASE WHEN excluded.last_at > conversations.last_at THEN excluded.last_at ELSE conversations.last_at END;
            """, "@id", "@channel", "@at");
        _activity = Command(connection, """
            INSERT INTO activities (conversation_id, activity_id, direction, type, at, json)
            VALUES (@conversation, @activity, @direction, @type, @at, @json);
            """, "@conversation", "@activity", "@direction", "@type", "@at", "@json");
        _turn = Command(connection, """
            INSERT INTO turns (conversation_id, inbound_activity_id, reply_activity_id, at, question, outcome, category, confidence,
                               low_confidence, snippet_id, snippet_version, reply_id, redactions, trace)
            VALUES (@conversation, @inbound, @reply, @at, @question, @outcome, @category, @confidence,
                    @low, @snippet, @version, @replyId, @redactions, @trace)
            RETURNING id;
            """, "@conversation", "@inbound", "@reply", "@at", "@question", "@outcome", "@category", "@confidence",
            "@low", "@snippet", "@version", "@replyId", "@redactions", "@trace");
        _handoff = Command(connection, """
            INSERT INTO handoffs (conversation_id, turn_id, at, reason, urgent, priority, rules, message)
            VALUES (@conversation, @turn, @at, @reason, @urgent, @priority, @rules, @message);
            """, "@conversation", "@turn", "@at", "@reason", "@urgent", "@priority", "@rules", "@message");
        // A callback goes with the conversation's latest item not yet closed, else makes its own.
        _callback = Command(connection, """
            UPDATE handoffs SET contact = @contact, contact_at = @at, priority = CASE WHEN @priority > priority THEN @priority ELSE priority END,
                urgent = CASE WHEN @urgent > urgent THEN @urgent ELSE urgent END
            WHERE id = (SELECT id FROM handoffs WHERE conversation_id = @conversation AND status <> 'closed' ORDER BY id DESC LIMIT 1);
            """, "@contact", "@at", "@priority", "@urgent", "@conversation");
        _callbackItem = Command(connection, """
            INSERT INTO handoffs (conversation_id, turn_id, at, reason, urgent, priority, rules, message, contact, contact_at)
            VALUES (@conversation, NULL, @at, @reason, @urgent, @priority, '', '', @contact, @at);
            """, "@conversation", "@at", "@reason", "@urgent", "@priority", "@contact");
    }

    public async Task WriteAsync(TurnRecord record, DbTransaction transaction)
    {
        await RunAsync(_conversation, transaction, record.ConversationId, record.Channel, record.At.ToUnixTimeMilliseconds());
        foreach (var activity in record.Activities)
        {
            await RunAsync(_activity, transaction, record.ConversationId, activity.ActivityId, activity.Direction == ActivityDirection.In ? "in" : "out",
                activity.Type, activity.At.ToUnixTimeMilliseconds(), activity.Json);
        }

        if (record.Turn is { } turn)
        {
            await WriteTurnAsync(record, turn, transaction);
        }

        if (record.Callback is { SealedContact: { } sealedContact } callback)
        {
            var at = callback.At.ToUnixTimeMilliseconds();
            var (priority, urgent) = ((int)callback.Priority, callback.Priority == HandoffPriority.Urgent ? 1 : 0);
            if (await RunAsync(_callback, transaction, sealedContact, at, priority, urgent, record.ConversationId) == 0)
            {
                await RunAsync(_callbackItem, transaction, record.ConversationId, at, HandoffDecision.Callback, urgent, priority, sealedContact);
            }
        }
    }

    private async Task WriteTurnAsync(TurnRecord record, TurnSummary turn, DbTransaction transaction)
    {
        _turn.Transaction = transaction;
        _turn.BindInOrder( record.ConversationId, turn.InboundActivityId, turn.ReplyActivityId, turn.At.ToUnixTimeMilliseconds(), turn.Question,
            turn.Outcome, turn.Category, turn.Confidence, turn.LowConfidence ? 1 : 0, turn.SnippetId, turn.SnippetVersion, turn.ReplyId,
            turn.Redactions, turn.TraceJson);
        var turnId = Convert.ToInt64(await _turn.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        if (record.Handoff is { } handoff)
        {
            await RunAsync(_handoff, transaction, record.ConversationId, turnId, handoff.At.ToUnixTimeMilliseconds(), handoff.Decision.Reason,
                handoff.Decision.Urgent ? 1 : 0, (int)handoff.Decision.Priority, string.Join(',', handoff.Decision.RuleIds), handoff.Message);
        }
    }

    public void Dispose()
    {
        _conversation.Dispose();
        _activity.Dispose();
        _turn.Dispose();
        _handoff.Dispose();
        _callback.Dispose();
        _callbackItem.Dispose();
    }

    private static DbCommand Command(DbConnection connection, string sql, params string[] names) => Sql.Prepared(connection, sql, names);

    private static Task<int> RunAsync(DbCommand command, DbTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        command.BindInOrder(values);
        return command.ExecuteNonQueryAsync();
    }
}
