using FaqBot.Storage.Database;
using System.Data.Common;

namespace FaqBot.Storage.Audit;

/// <summary>The append-only audit log in the <c>audit</c> table: sign-ins, account changes and
/// reviewer actions, each with the actor's name.</summary>
public sealed class AuditLog(IStoreDatabase database, TimeProvider time)
{
    /// <summary>Longest text kept in one field; longer values are cut (the log is not a data store).</summary>
    public const int MaxFieldLength = 2000;

    public async Task AppendAsync(string actor, string action, string target, string detail, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit (at, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail);";
        command.Bind("@at", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Bind("@actor", Cut(actor));
        command.Bind("@action", Cut(action));
        command.Bind("@target", Cut(target ?? ""));
        command.Bind("@detail", Cut(detail ?? ""));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The newest entries matching the query (actor and action compared exactly, actor without regard to case).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, at, actor, action, target, detail FROM audit
            WHERE (CAST(@actor AS TEXT) IS NULL OR lower(actor) = lower(@actor))
              AND (CAST(@action AS TEXT) IS NULL OR action = @action)
              AND (CAST(@before AS BIGINT) IS NULL OR id < @before)
            ORDER BY id DESC
            LIMIT @limit;
            """;
        command.Bind("@actor", Blank(query.Actor));
        command.Bind("@action", Blank(query.Action));
        command.Bind("@before", query.BeforeId is { } before ? before : DBNull.Value);
        command.Bind("@limit", Math.Clamp(query.Limit, 1, AuditQuery.MaxLimit));
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    private static AuditEntry Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5));

    private static object Blank(string? value) => string.IsNullOrWhiteSpace(value) ? DBNull.Value : value.Trim();

    private static string Cut(string value) => value.Length <= MaxFieldLength ? value : value[..MaxFieldLength];
}
