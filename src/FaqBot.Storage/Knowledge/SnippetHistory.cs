using FaqBot.Storage.Database;
using System.Data.Common;

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
public sealed class SnippetHistory(IStoreDatabase database, TimeProvider time)
{
    public async Task AppendAsync(string snippetId, int version, string action, string actor, string content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snippetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(content);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO snippet_history (snippet_id, version, action, actor, at, content)
            VALUES (@id, @version, @action, @actor, @at, @content);
            """;
        command.Bind("@id", snippetId);
        command.Bind("@version", version);
        command.Bind("@action", action);
        command.Bind("@actor", actor);
        command.Bind("@at", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Bind("@content", content);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every entry for one snippet, oldest first.</summary>
    public async Task<IReadOnlyList<SnippetHistoryEntry>> ForSnippetAsync(string snippetId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, snippet_id, version, action, actor, at, content FROM snippet_history
            WHERE snippet_id = @id ORDER BY id;
            """;
        command.Bind("@id", snippetId);
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
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CASE WHEN EXISTS (SELECT 1 FROM snippet_history WHERE snippet_id = @id) THEN 1 ELSE 0 END;";
        command.Bind("@id", snippetId);
        return await command.ScalarInt64Async(cancellationToken) == 1;
    }

    private static SnippetHistoryEntry Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.IntValue(2),
        reader.GetString(3),
        reader.GetString(4),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        reader.GetString(6));
}
