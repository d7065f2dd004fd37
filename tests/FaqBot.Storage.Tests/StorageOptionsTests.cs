using FaqBot.Storage.Database;
using FaqBot.Storage.PostgreSql;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.Tests;

/// <summary><c>Storage:Provider</c> picks the database; a PostgreSQL provider without a usable
/// connection string stops the host at start with a message naming the setting.</summary>
public sealed class StorageOptionsTests
{
    private static readonly string Unused = Path.Combine(Path.GetTempPath(), "faqbot-storage-tests", "unused");

    [Theory]
    [InlineData("", "needs ConnectionStrings:FaqBot")]
    [InlineData("Host=db.example", "must name a Host and a Database")]
    [InlineData("Hots=db.example;Database=faqbot", "is not a PostgreSQL connection string")]
    public void PostgreSql_without_a_usable_connection_string_is_refused_at_start(string connectionString, string expected)
    {
        using var services = StorageHost.Build(Unused, ("Storage:Provider", "PostgreSql"), ("ConnectionStrings:FaqBot", connectionString));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(expected, string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_refused_with_the_two_it_knows()
    {
        using var services = StorageHost.Build(Unused, ("Storage:Provider", "MySql"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("must be Sqlite or PostgreSql", string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite", typeof(SqliteDatabase))]
    [InlineData("postgresql", typeof(PostgreSqlDatabase))]
    public void The_provider_setting_picks_the_database(string provider, Type expected)
    {
        using var services = StorageHost.Build(Unused, ("Storage:Provider", provider), ("ConnectionStrings:FaqBot", "Host=127.0.0.1;Port=1;Database=faqbot"));

        Assert.IsType(expected, services.GetRequiredService<IStoreDatabase>());
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_with_where_it_was_looked_for()
    {
        await using var database = new PostgreSqlDatabase("Host=127.0.0.1;Port=1;Database=faqbot;Username=faqbot;Timeout=2");

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => database.CheckAsync(CancellationToken.None));

        Assert.Contains("PostgreSQL database 'faqbot' on 127.0.0.1:1 cannot be reached (ConnectionStrings:FaqBot)", error.Message, StringComparison.Ordinal);
    }
}
