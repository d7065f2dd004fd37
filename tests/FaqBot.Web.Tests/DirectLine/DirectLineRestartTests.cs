using System.Net;
using System.Text;
using FaqBot.Storage.Database;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.DirectLine;

/// <summary>A live Web Chat conversation outlives its host: after the host stops and a new one starts
/// on the same data folder, the patient's token reads the same conversation from the same
/// watermark and the conversation goes on, on either database.</summary>
public abstract class DirectLineRestartTests(Engine engine) : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "faqbot-restart-tests", Guid.NewGuid().ToString("N"));
    private string? _server;

    public async Task InitializeAsync() => _server = engine == Engine.PostgreSql ? await PostgresCluster.Shared.CreateDatabaseAsync() : null;

    [Fact]
    public async Task The_same_token_goes_on_with_the_same_conversation_after_a_restart_and_nothing_is_lost()
    {
        DirectLineClient patient;
        List<string?> before;
        await using (var first = Host())
        {
            patient = await DirectLineClient.StartAsync(first.CreateClient());
            await patient.AskAsync("Can I drive home after my infusion?");
            await patient.AskAsync("Do you validate parking for the garage on Saturn?");
            before = await AllIdsAsync(patient);
        }

        SqliteConnection.ClearAllPools();
        await using var second = Host();
        var resumed = patient.ResumeOn(second.CreateClient());

        Assert.Empty(await resumed.ReadAsync());                                   // the same watermark: nothing new
        Assert.Equal(before, await AllIdsAsync(resumed));                          // everything acknowledged before the restart
        var reply = await resumed.AskAsync("What should I wear?");
        Assert.Equal("bot", (string?)reply["from"]!["role"]);
        var refreshed = await resumed.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh");
        Assert.True(refreshed.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"refresh after the restart: {refreshed.StatusCode}");
        var database = second.Services.GetRequiredService<IStoreDatabase>();
        Assert.False(await StoredActivitiesHoldAsync(database, "garage on Saturn"), "the stored activities hold the patient's words in clear");
        Assert.False(database is SqliteDatabase file && DiskContents.FilesHold(file, "garage on Saturn"), "the database files hold the patient's words in clear");
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (_server is not null)
        {
            await PostgresCluster.Shared.DropDatabaseAsync(_server);
        }

        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private FaqBotFactory Host() => _server is null
        ? new FaqBotFactory().With("Storage:DataPath", _data)
        : new FaqBotFactory().With("Storage:DataPath", _data).With("Storage:Provider", "PostgreSql").With("ConnectionStrings:FaqBot", _server);

    private static async Task<bool> StoredActivitiesHoldAsync(IStoreDatabase database, string words)
    {
        var bytes = Encoding.UTF8.GetBytes(words);
        await using var connection = await database.OpenAsync(default);
        await using var command = Sql.Command(connection, "SELECT json FROM directline_activities;");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        var found = false;
        while (await reader.ReadAsync())
        {
            rows++;
            found |= ((byte[])reader[0]).AsSpan().IndexOf(bytes) >= 0;
        }

        Assert.True(rows > 0, "no Direct Line activity was stored");
        return found;
    }

    /// <summary>The ids of every activity the conversation still serves, from the start.</summary>
    private static async Task<List<string?>> AllIdsAsync(DirectLineClient client)
    {
        var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities?watermark=0");
        response.EnsureSuccessStatusCode();
        var set = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(response.Content);
        return [.. set!["activities"]!.AsArray().Select(a => (string?)a!["id"])];
    }

    public sealed class OnSqlite() : DirectLineRestartTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : DirectLineRestartTests(Engine.PostgreSql);
}
