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
            INSERT INTO handoffs (conversation_id, turn_id, at, reason, urgent, rules, message)
            VALUES ($conversation, $turn, $at, $reason, $urgent, $rules, $message);
            """, "$conversation", "$turn", "$at", "$reason", "$urgent", "$rules", "$message");
    }

    public void Write(TurnRecord record, SqliteTransaction transaction)
    {
        Run(_conversation, transaction, record.ConversationId, record.Channel, record.At.ToUnixTimeMilliseconds());
        foreach (var activity in record.Activities)
        {
            Run(_activity, transaction, record.ConversationId, activity.ActivityId, activity.Direction == ActivityDirection.In ? "in" : "out",
                activity.Type, activity.At.ToUnixTimeMilliseconds(), activity.Json);
        }

        if (record.Turn is not { } turn)
        {
            return;
        }

        _turn.Transaction = transaction;
        Bind(_turn, record.ConversationId, turn.InboundActivityId, turn.ReplyActivityId, turn.At.ToUnixTimeMilliseconds(), turn.Question,
            turn.Outcome, turn.Category, turn.Confidence, turn.LowConfidence ? 1 : 0, turn.SnippetId, turn.SnippetVersion, turn.ReplyId,
            turn.Redactions, turn.TraceJson);
        var turnId = (long)_turn.ExecuteScalar()!;

        if (record.Handoff is { } handoff)
        {
            Run(_handoff, transaction, record.ConversationId, turnId, handoff.At.ToUnixTimeMilliseconds(), handoff.Reason,
                handoff.Urgent ? 1 : 0, string.Join(',', handoff.Rules), handoff.Message);
        }
    }

    public void Dispose()
    {
        _conversation.Dispose();
        _activity.Dispose();
        _turn.Dispose();
        _handoff.Dispose();
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

    private static void Run(SqliteCommand command, SqliteTransaction transaction, params object?[] values)
    {
        command.Transaction = transaction;
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
