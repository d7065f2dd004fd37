using FaqBot.Storage.Database;

namespace FaqBot.Storage.Knowledge;

/// <summary>A counter in the shared database that goes up whenever a host changes the knowledge
/// folder through the staff pages, so the other hosts, which read the same folder, know to reload
/// it. A single host's database has none: its folder watch is enough.</summary>
public sealed class KnowledgeGeneration(IStoreDatabase database, TimeProvider time)
{
    private long _seen;

    public bool Shared => database.Shared;

    /// <summary>The generation this host's knowledge is up to date with.</summary>
    public long Seen
    {
        get => Interlocked.Read(ref _seen);
        set => Interlocked.Exchange(ref _seen, value);
    }

    /// <summary>The current generation; 0 on a single host's database.</summary>
    public async Task<long> ReadAsync(CancellationToken cancellationToken)
    {
        if (!database.Shared)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, "SELECT generation FROM knowledge_generation WHERE id = 1;");
        return await command.ScalarInt64Async(cancellationToken);
    }

    /// <summary>Tells the other hosts the folder changed; returns the new generation (0 on a single host's database).</summary>
    public long Advance()
    {
        if (!database.Shared)
        {
            return 0;
        }

        using var connection = database.Open();
        using var command = Sql.Command(connection, "UPDATE knowledge_generation SET generation = generation + 1, at = @at WHERE id = 1 RETURNING generation;",
            ("@at", time.GetUtcNow().ToUnixTimeMilliseconds()));
        var generation = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        Seen = generation;
        return generation;
    }
}
