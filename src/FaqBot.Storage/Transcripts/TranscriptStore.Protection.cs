using System.Data.Common;
using FaqBot.Storage.Database;

namespace FaqBot.Storage.Transcripts;

/// <summary>How far <see cref="TranscriptStore.ProtectPlainTextAsync"/> has come with one
/// column (<c>table.column</c>): values protected so far out of those found plain at its start.</summary>
public sealed record ProtectProgress(string Column, long Done, long Total);

public sealed partial class TranscriptStore
{
    public const int DefaultProtectBatch = 500;

    /// <summary>Every column that can hold patient text, with its table's key: each activity's JSON
    /// (a bot activity can carry the patient's words too, as a handoff does), the question and the
    /// trace of a turn (redacted clauses, query terms), the handoff message and the reviewer's note.</summary>
    public static readonly IReadOnlyList<(string Table, string Key, string Column)> ProtectedColumns =
    [
        ("activities", "seq", "json"),
        ("turns", "id", "question"),
        ("turns", "id", "trace"),
        ("handoffs", "id", "message"),
        ("conversations", "id", "note"),
    ];

    /// <summary>Encrypts in place the patient text stored plain (written before encryption, or with
    /// it off), <paramref name="batchSize"/> rows at a time, each batch in a short transaction of its
    /// own so a running host goes on writing; a value changed in between is left as it now is. The
    /// plain text is overwritten, not only unlinked, and the old copies are cleared at the end
    /// (<see cref="IStoreDatabase.ScrubAsync"/>: on SQLite nothing is left in the files). Reports progress
    /// after each batch; returns how many values were protected.</summary>
    public async Task<long> ProtectPlainTextAsync(int batchSize, IProgress<ProtectProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        long protectedValues = 0;
        await using var connection = await _database.OpenAsync(cancellationToken);
        await _database.BeginOverwriteAsync(connection, cancellationToken);

        foreach (var (table, key, column) in ProtectedColumns)
        {
            // Names come from the fixed list above; every value is a parameter.
            var plain = $"{column} <> '' AND substr({column}, 1, {StoredText.Marker.Length}) <> @marker";
            var name = $"{table}.{column}";
            await using var count = Command(connection, $"SELECT count(*) FROM {table} WHERE {plain};");
            var total = await count.ScalarInt64Async(cancellationToken);
            progress?.Report(new ProtectProgress(name, 0, total));

            object? after = null;
            for (long done = 0; ;)
            {
                var rows = new List<(object Key, string Value)>(batchSize);
                await using (var select = Command(connection,
                    $"SELECT {key}, {column} FROM {table} WHERE {(after is null ? "" : $"{key} > @after AND ")}{plain} ORDER BY {key} LIMIT @batch;"))
                {
                    if (after is not null)
                    {
                        select.Bind("@after", after);
                    }

                    select.Bind("@batch", batchSize);
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows.Add((reader.GetValue(0), reader.GetString(1)));
                    }
                }

                if (rows.Count == 0)
                {
                    break;
                }

                var sealedRows = rows.Select(r => (r.Key, r.Value, Sealed: _text.Seal(r.Value))).ToList();
                await using (var transaction = connection.BeginTransaction())
                await using (var update = Command(connection, $"UPDATE {table} SET {column} = @sealed WHERE {key} = @key AND {column} = @plain;"))
                {
                    update.Transaction = transaction;
                    foreach (var (rowKey, value, sealedValue) in sealedRows)
                    {
                        update.Bind("@sealed", sealedValue);
                        update.Bind("@key", rowKey);
                        update.Bind("@plain", value);
                        protectedValues += await update.ExecuteNonQueryAsync(cancellationToken);
                    }

                    await transaction.CommitAsync(cancellationToken);
                }

                done += rows.Count;
                after = rows[^1].Key;
                progress?.Report(new ProtectProgress(name, done, Math.Max(done, total)));
            }
        }

        await _database.ScrubAsync(connection, [.. ProtectedColumns.Select(c => c.Table)], cancellationToken);

        return protectedValues;
    }

    private static DbCommand Command(DbConnection connection, string sql) => Sql.Command(connection, sql, ("@marker", StoredText.Marker));
}
