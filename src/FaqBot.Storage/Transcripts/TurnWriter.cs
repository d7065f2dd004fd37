using FaqBot.Core.Answering;
using Microsoft.Data.Sqlite;

namespace FaqBot.Storage.Transcripts;

/// <summary>The writer connection's prepared statements: a turn's conversation row, its activities,
/// its decision and its handoff.</summary>
internal sealed class TurnWriter : IDisposable
{
    private readonly SqliteCommand _conversation;
    private readonly SqliteCommand _activity;
    private readonly SqliteCommand _turn;
    private readonly SqliteCommand _handoff;
    private readonly SqliteCommand _callback;
    private readonly SqliteCommand _callbackItem;

    public TurnWriter(SqliteConnection connection)
    {
        _conversation = Command(connection, """
            INSERT INTO conversations (id, channel, started_at, last_at) VALUES ($id, $channel, $at, $at)
            ON CONFLICT (id) DO UPDATE SET last_at = max(last_at, excluded.last_at);
            """, "$id", "$channel", "$at");
        _activity = Command(connection, """
            INSERT INTO activities (conversation_id, activity_id, direction, type, at, json)
            VALUES ($conversation, $activity, $direction, $type, $at, $json);
            """, "$conversation", "$activity", "$direction", "$type", "$at", "$json");
        _turn = Command(connection, """
            INSERT INTO turns (conversation_id, inbound_activity_id, reply_activity_id, at, question, outcome, category, confidence,
                               low_confidence, snippet_id, snippet_version, reply_id, redactions, trace)
            VALUES ($conversation, $inbound, $reply, $at, $question, $outcome, $category, $confidence,
                    $low, $snippet, $version, $replyId, $redactions, $trace)
            RETURNING id;
            """, "$conversation", "$inbound", "$reply", "$at", "$question", "$outcome", "$category", "$confidence",
            "$low", "$snippet", "$version", "$replyId", "$redactions", "$trace");
        _handoff = Command(connection, """
            INSERT INTO handoffs (conversation_id, turn_id, at, reason, urgent, priority, rules, message)
            VALUES ($conversation, $turn, $at, $reason, $urgent, $priority, $rules, $message);
            """, "$conversation", "$turn", "$at", "$reason", "$urgent", "$priority", "$rules", "$message");
        // A callback goes with the conversation's latest item not yet closed, else makes its own.
        _callback = Command(connection, """
            UPDATE handoffs SET contact = $contact, contact_at = $at, priority = max(priority, $priority), urgent = max(urgent, $urgent)
            WHERE id = (SELECT id FROM handoffs WHERE conversation_id = $conversation AND status <> 'closed' ORDER BY id DESC LIMIT 1);
            """, "$contact", "$at", "$priority", "$urgent", "$conversation");
        _callbackItem = Command(connection, """
            INSERT INTO handoffs (conversation_id, turn_id, at, reason, urgent, priority, rules, message, contact, contact_at)
            VALUES ($conversation, NULL, $at, $reason, $urgent, $priority, '', '', $contact, $at);
            """, "$conversation", "$at", "$reason", "$urgent", "$priority", "$contact");
    }

    public void Write(TurnRecord record, SqliteTransaction transaction)
    {
        Run(_conversation, transaction, record.ConversationId, record.Channel, record.At.ToUnixTimeMilliseconds());
        foreach (var activity in record.Activities)
        {
            Run(_activity, transaction, record.ConversationId, activity.ActivityId, activity.Direction == ActivityDirection.In ? "in" : "out",
                activity.Type, activity.At.ToUnixTimeMilliseconds(), activity.Json);
        }

        if (record.Turn is { } turn)
        {
            WriteTurn(record, turn, transaction);
        }

        if (record.Callback is { SealedContact: { } sealedContact } callback)
        {
            var at = callback.At.ToUnixTimeMilliseconds();
            var (priority, urgent) = ((int)callback.Priority, callback.Priority == HandoffPriority.Urgent ? 1 : 0);
            if (Run(_callback, transaction, sealedContact, at, priority, urgent, record.ConversationId) == 0)
            {
                Run(_callbackItem, transaction, record.ConversationId, at, HandoffDecision.Callback, urgent, priority, sealedContact);
            }
        }
    }

    private void WriteTurn(TurnRecord record, TurnSummary turn, SqliteTransaction transaction)
    {

        _turn.Transaction = transaction;
        Bind(_turn, record.ConversationId, turn.InboundActivityId, turn.ReplyActivityId, turn.At.ToUnixTimeMilliseconds(), turn.Question,
            turn.Outcome, turn.Category, turn.Confidence, turn.LowConfidence ? 1 : 0, turn.SnippetId, turn.SnippetVersion, turn.ReplyId,
            turn.Redactions, turn.TraceJson);
        var turnId = (long)_turn.ExecuteScalar()!;

        if (record.Handoff is { } handoff)
        {
            Run(_handoff, transaction, record.ConversationId, turnId, handoff.At.ToUnixTimeMilliseconds(), handoff.Decision.Reason,
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

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static int Run(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        Bind(command, values);
        return command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
