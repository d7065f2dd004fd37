using System.Net;
using FaqBot.Web.Tests.TestSupport;

namespace FaqBot.Web.Tests.Chat;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_healthy_on_the_shipped_knowledge()
    {
        using var factory = new FaqBotFactory();

        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_is_unhealthy_when_no_snippet_serves_any_more()
    {
        var future = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(30));
        using var factory = new FaqBotFactory().WithServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(s, future));

        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Ready_fails_while_the_database_cannot_be_reached_and_health_stays_as_it_is()
    {
        var data = Path.Combine(Path.GetTempPath(), "faqbot-ready-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var factory = new FaqBotFactory().With("Storage:DataPath", data);
            var client = factory.CreateClient();
            var before = await client.GetAsync("/health/ready");

            // The database file is replaced by a folder (a lost volume, say): no connection can open it.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(data, "faqbot.db*"))
            {
                File.Delete(file);
            }

            Directory.CreateDirectory(Path.Combine(data, "faqbot.db"));
            var after = await client.GetAsync("/health/ready");
            var live = await client.GetAsync("/health");

            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Ready_fails_while_the_postgresql_database_is_gone_and_health_stays_as_it_is()
    {
        var database = await FaqBot.Storage.Tests.TestSupport.PostgresCluster.Shared.CreateDatabaseAsync();
        try
        {
            await using var factory = new FaqBotFactory().With("Storage:Provider", "PostgreSql").With("ConnectionStrings:FaqBot", database);
            var client = factory.CreateClient();
            var before = await client.GetAsync("/health/ready");

            // The server loses the database (dropped with its connections, as a failed-over server would).
            await FaqBot.Storage.Tests.TestSupport.PostgresCluster.Shared.DropDatabaseAsync(database);
            var after = await client.GetAsync("/health/ready");
            var live = await client.GetAsync("/health");

            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            await FaqBot.Storage.Tests.TestSupport.PostgresCluster.Shared.DropDatabaseAsync(database);
        }
    }
}
