using Microsoft.Data.Sqlite;

namespace FaqBot.Storage.Sqlite;

/// <summary>The schema as numbered steps; <c>PRAGMA user_version</c> records how many are applied.
/// A step is never edited once released: changes are new steps. Times are Unix milliseconds (UTC).</summary>
internal static class SchemaMigrations
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE conversations (
            id            TEXT PRIMARY KEY,
            channel       TEXT NOT NULL,
            started_at    INTEGER NOT NULL,
            last_at       INTEGER NOT NULL,
            reviewed_at   INTEGER NULL,
            reviewed_by   TEXT NULL,
            tags          TEXT NOT NULL DEFAULT '',
            note          TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX conversations_last_at ON conversations (last_at);

        CREATE TABLE activities (
            seq             INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
            activity_id     TEXT NULL,
            direction       TEXT NOT NULL CHECK (direction IN ('in', 'out')),
            type            TEXT NOT NULL,
            at              INTEGER NOT NULL,
            json            TEXT NOT NULL
        );
        CREATE INDEX activities_conversation ON activities (conversation_id, seq);

        CREATE TABLE turns (
            id                  INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id     TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
            inbound_activity_id TEXT NULL,
            reply_activity_id   TEXT NULL,
            at                  INTEGER NOT NULL,
            question            TEXT NOT NULL,
            outcome             TEXT NOT NULL,
            category            TEXT NULL,
            confidence          REAL NOT NULL,
            low_confidence      INTEGER NOT NULL,
            snippet_id          TEXT NULL,
            snippet_version     INTEGER NULL,
            reply_id            TEXT NULL,
            redactions          INTEGER NOT NULL,
            trace               TEXT NOT NULL,
            feedback            TEXT NULL CHECK (feedback IN ('helpful', 'unhelpful')),
            feedback_at         INTEGER NULL
        );
        CREATE INDEX turns_conversation ON turns (conversation_id, id);
        CREATE INDEX turns_outcome ON turns (outcome, at);
        CREATE UNIQUE INDEX turns_inbound ON turns (conversation_id, inbound_activity_id);

        CREATE TABLE handoffs (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
            turn_id         INTEGER NOT NULL REFERENCES turns (id) ON DELETE CASCADE,
            at              INTEGER NOT NULL,
            reason          TEXT NOT NULL,
            urgent          INTEGER NOT NULL,
            rules           TEXT NOT NULL,
            message         TEXT NOT NULL,
            status          TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'closed')),
            status_by       TEXT NULL,
            status_at       INTEGER NULL
        );
        CREATE INDEX handoffs_queue ON handoffs (status, urgent DESC, at);

        CREATE TABLE users (
            name            TEXT PRIMARY KEY COLLATE NOCASE,
            role            TEXT NOT NULL,
            password_hash   TEXT NOT NULL,
            failed_count    INTEGER NOT NULL DEFAULT 0,
            locked_until    INTEGER NULL,
            created_at      INTEGER NOT NULL
        );

        CREATE TABLE audit (
            id      INTEGER PRIMARY KEY AUTOINCREMENT,
            at      INTEGER NOT NULL,
            actor   TEXT NOT NULL,
            action  TEXT NOT NULL,
            target  TEXT NOT NULL DEFAULT '',
            detail  TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX audit_at ON audit (at);
        """,
        """
        CREATE TABLE snippet_history (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            snippet_id  TEXT NOT NULL,
            version     INTEGER NOT NULL,
            action      TEXT NOT NULL,
            actor       TEXT NOT NULL,
            at          INTEGER NOT NULL,
            content     TEXT NOT NULL
        );
        CREATE INDEX snippet_history_snippet ON snippet_history (snippet_id, id);
        """,
        """
        CREATE TABLE staff_sessions (
            id          TEXT PRIMARY KEY,
            user_name   TEXT NOT NULL COLLATE NOCASE REFERENCES users (name) ON DELETE CASCADE ON UPDATE CASCADE,
            created_at  INTEGER NOT NULL,
            expires_at  INTEGER NOT NULL
        );
        CREATE INDEX staff_sessions_user ON staff_sessions (user_name);
        CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);

        CREATE TABLE sign_in_clients (
            user_name       TEXT NOT NULL COLLATE NOCASE REFERENCES users (name) ON DELETE CASCADE ON UPDATE CASCADE,
            client          TEXT NOT NULL,
            failed_count    INTEGER NOT NULL DEFAULT 0,
            locked_until    INTEGER NULL,
            last_failed_at  INTEGER NULL,
            signed_in_at    INTEGER NULL,
            PRIMARY KEY (user_name, client)
        );
        """,
        """
        CREATE TABLE handoffs_next (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
            turn_id         INTEGER NULL REFERENCES turns (id) ON DELETE CASCADE,
            at              INTEGER NOT NULL,
            reason          TEXT NOT NULL,
            urgent          INTEGER NOT NULL,
            priority        INTEGER NOT NULL DEFAULT 0 CHECK (priority IN (0, 1, 2)),
            rules           TEXT NOT NULL,
            message         TEXT NOT NULL,
            status          TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'claimed', 'contacted', 'closed')),
            status_by       TEXT NULL,
            status_at       INTEGER NULL,
            contact         TEXT NULL,
            contact_at      INTEGER NULL
        );
        INSERT INTO handoffs_next (id, conversation_id, turn_id, at, reason, urgent, priority, rules, message, status, status_by, status_at)
            SELECT id, conversation_id, turn_id, at, reason, urgent,
                   CASE WHEN urgent <> 0 THEN 2 WHEN reason IN ('dosing', 'diagnostic') THEN 1 ELSE 0 END,
                   rules, message, status, status_by, status_at
            FROM handoffs;
        DROP TABLE handoffs;
        ALTER TABLE handoffs_next RENAME TO handoffs;
        CREATE INDEX handoffs_queue ON handoffs (status, priority DESC, at);
        CREATE INDEX handoffs_conversation ON handoffs (conversation_id, id);
        """,
        """
        CREATE TABLE directline_conversations (
            id          TEXT PRIMARY KEY,
            user_id     TEXT NOT NULL,
            started     INTEGER NOT NULL DEFAULT 0,
            created_at  INTEGER NOT NULL,
            last_at     INTEGER NOT NULL
        );
        CREATE INDEX directline_conversations_last_at ON directline_conversations (last_at);

        CREATE TABLE directline_activities (
            conversation_id TEXT NOT NULL REFERENCES directline_conversations (id) ON DELETE CASCADE,
            seq             INTEGER NOT NULL,
            at              INTEGER NOT NULL,
            json            BLOB NOT NULL,
            PRIMARY KEY (conversation_id, seq)
        ) WITHOUT ROWID;

        CREATE TABLE directline_grants (
            conversation_id TEXT PRIMARY KEY REFERENCES directline_conversations (id) ON DELETE CASCADE,
            user_id         TEXT NOT NULL,
            generation      INTEGER NOT NULL,
            token_hash      BLOB NOT NULL,
            issued_at       INTEGER NOT NULL,
            expires         INTEGER NOT NULL,
            replaced_hash   BLOB NULL,
            replaced_until  INTEGER NOT NULL
        );
        """,
    ];

    public static int Latest => Steps.Length;

    public static void Apply(SqliteConnection connection) => Apply(connection, Steps.Length);

    /// <summary>Applies the steps up to <paramref name="upTo"/> (tests make a database of an earlier version with it).</summary>
    internal static void Apply(SqliteConnection connection, int upTo)
    {
        using var transaction = connection.BeginTransaction();
        var version = CurrentVersion(connection, transaction);
        if (version > Steps.Length)
        {
            throw new InvalidOperationException(
                $"The database {connection.DataSource} has schema version {version}, newer than this program knows ({Steps.Length}). Use a newer FaqBot or another Storage:DataPath.");
        }

        for (var step = version; step < Math.Min(upTo, Steps.Length); step++)
        {
            SqliteDatabase.Execute(connection, Steps[step], transaction);
            SqliteDatabase.Execute(connection, $"PRAGMA user_version = {step + 1};", transaction);
        }

        transaction.Commit();
    }

    private static long CurrentVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }
}
