using FaqBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace FaqBot.Storage.Knowledge;

/// <summary>What was done to a snippet file through the staff pages, with the whole file as it was
/// written. The files under <c>knowledge/</c> stay the source of truth; this keeps every version
/// so staff without git can see who changed what and compare versions.</summary>
public sealed record SnippetHistoryEntry(long Id, string SnippetId, int Version, string Action, string Actor, DateTimeOffset At, string Content);

/// <summary>The actions recorded for a snippet.</summary>
public static class SnippetActions
{
    /// <summary>The file as it was found before its first change through the staff pages.</summary>
    public const string Found = "found";
    public const string Created = "created";
    public const string Edited = "edited";
    public const string Approved = "approved";
    public const string Retired = "retired";
    public const string DraftDiscarded = "draft-discarded";
}

/// <summary>The <c>snippet_history</c> table: append-only, newest last.</summary>
public sealed class SnippetHistory(SqliteDatabase database, TimeProvider time)
{
    public async Task AppendAsync(string snippetId, int version, string action, string actor, string content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snippetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(content);
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO snippet_history (snippet_id, version, action, actor, at, content)
            VALUES ($id, $version, $action, $actor, $at, $content);
            """;
        command.Parameters.AddWithValue("$id", snippetId);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$content", content);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every entry for one snippet, oldest first.</summary>
    public async Task<IReadOnlyList<SnippetHistoryEntry>> ForSnippetAsync(string snippetId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, snippet_id, version, action, actor, at, content FROM snippet_history
            WHERE snippet_id = $id ORDER BY id;
            """;
        command.Parameters.AddWithValue("$id", snippetId);
        var entries = new List<SnippetHistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    /// <summary>Whether anything was recorded for the snippet yet.</summary>
    public async Task<bool> HasAnyAsync(string snippetId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM snippet_history WHERE snippet_id = $id);";
        command.Parameters.AddWithValue("$id", snippetId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    private static SnippetHistoryEntry Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt32(2),
        reader.GetString(3),
        reader.GetString(4),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        reader.GetString(6));
}
