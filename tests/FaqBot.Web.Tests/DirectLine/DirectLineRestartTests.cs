using System.Net;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Sqlite;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.DirectLine;

/// <summary>A live Web Chat conversation outlives its host: after the host stops and a new one starts
/// on the same data folder, the patient's token reads the same conversation from the same
/// watermark and the conversation goes on.</summary>
public sealed class DirectLineRestartTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "faqbot-restart-tests", Guid.NewGuid().ToString("N"));

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
        Assert.False(DiskContents.FilesHold(second.Services.GetRequiredService<SqliteDatabase>(), "garage on Saturn"), "the stored activities hold the patient's words in clear");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private FaqBotFactory Host() => new FaqBotFactory().With("Storage:DataPath", _data);

    /// <summary>The ids of every activity the conversation still serves, from the start.</summary>
    private static async Task<List<string?>> AllIdsAsync(DirectLineClient client)
    {
        var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities?watermark=0");
        response.EnsureSuccessStatusCode();
        var set = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(response.Content);
        return [.. set!["activities"]!.AsArray().Select(a => (string?)a!["id"])];
    }
}
