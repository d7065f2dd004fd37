using Npgsql;

namespace FaqBot.Storage.Tests.TestSupport;

/// <summary>The throwaway PostgreSQL server answers, and each test database is its own.</summary>
public sealed class PostgresClusterTests
{
    private static PostgresCluster Cluster => PostgresCluster.Shared;

    [Fact]
    public async Task The_shared_cluster_answers()
    {
        var version = await ScalarAsync<string>(Cluster.ConnectionString, "SELECT version()");

        Assert.Contains("PostgreSQL", version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_created_databases_are_distinct()
    {
        var first = await Cluster.CreateDatabaseAsync();
        var second = await Cluster.CreateDatabaseAsync();
        try
        {
            await ScalarAsync<int>(first, "CREATE TABLE marker (id int); SELECT 1");

            Assert.NotEqual(await ScalarAsync<string>(first, "SELECT current_database()"), await ScalarAsync<string>(second, "SELECT current_database()"));
            Assert.True(await ScalarAsync<bool>(first, "SELECT to_regclass('public.marker') IS NOT NULL"));
            Assert.True(await ScalarAsync<bool>(second, "SELECT to_regclass('public.marker') IS NULL"));
        }
        finally
        {
            await Cluster.DropDatabaseAsync(first);
            await Cluster.DropDatabaseAsync(second);
        }
    }

    [Fact]
    public async Task A_dropped_database_is_gone()
    {
        var database = await Cluster.CreateDatabaseAsync();
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        // An open session (and a pooled connection afterwards) do not keep it from being dropped.
        await using var open = new NpgsqlConnection(database);
        await open.OpenAsync();
        await ScalarAsync<int>(database, "SELECT 1");

        await Cluster.DropDatabaseAsync(database);

        Assert.Equal(0L, await ScalarAsync<long>(Cluster.ConnectionString, $"SELECT count(*) FROM pg_database WHERE datname = '{name}'"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<int>(database, "SELECT 1"));
        Assert.Equal(PostgresErrorCodes.InvalidCatalogName, error.SqlState);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
