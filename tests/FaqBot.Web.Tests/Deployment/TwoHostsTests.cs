using System.Diagnostics;
using System.Globalization;
using FaqBot.Cli.Tests.Support;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Web.Tests.TestSupport;
using Npgsql;

namespace FaqBot.Web.Tests.Deployment;

/// <summary>Two web host processes on one PostgreSQL database, each with a data folder of its own
/// (so nothing is shared but the database and the knowledge folder), as two machines behind a
/// load balancer: one patient's conversation goes back and forth between them, a turn taken on one
/// is seen by a poll on the other at once, and when one is SIGKILLed mid-conversation the other
/// carries on with the same token, with every acknowledged activity and turn in the shared store.</summary>
public sealed class TwoHostsTests : IAsyncLifetime
{
    private static readonly string[] Questions =
    [
        "Can I drive home after my infusion?",
        "What should I wear to the appointment?",
        "How long does an infusion take?",
        "Do I need someone to pick me up?",
        "Can I eat before my appointment?",
        "Will I be able to go back to work the same day?",
    ];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "faqbot-two-hosts", Guid.NewGuid().ToString("N"));
    private string _database = "";

    public async Task InitializeAsync() => _database = await PostgresCluster.Shared.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        await PostgresCluster.Shared.DropDatabaseAsync(_database);
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task One_conversation_goes_back_and_forth_and_survives_one_host_being_killed()
    {
        var hosts = await Task.WhenAll(WebHostProcess.StartAsync(Settings("a")), WebHostProcess.StartAsync(Settings("b")));
        await using var a = hosts[0];
        await using var b = hosts[1];
        var patient = await DirectLineClient.StartAsync(a.Client);
        var asked = new List<string>();

        for (var i = 0; i < 4; i++)
        {
            var host = i % 2 == 0 ? a : b;
            var other = i % 2 == 0 ? b : a;
            patient = patient.ResumeOn(host.Client);
            var watermark = patient.Watermark;
            var reply = await patient.AskAsync(Questions[i]);
            asked.Add(Questions[i]);
            Assert.Equal("bot", (string?)reply["from"]!["role"]);

            // The other host serves the same turn to a poll, within a second.
            var seen = await SeenWithinAsync(patient.ResumeOn(other.Client), watermark, (string)reply["id"]!, TimeSpan.FromSeconds(1));
            Assert.True(seen, $"a poll on the other host did not see turn {i + 1} within a second");
        }

        a.Kill();
        patient = patient.ResumeOn(b.Client);
        foreach (var question in Questions[4..])
        {
            var reply = await patient.AskAsync(question);
            asked.Add(question);
            Assert.Equal("bot", (string?)reply["from"]!["role"]);
        }

        var all = await patient.ResumeOn(b.Client).ReadFromAsync("0");
        var ids = all.Select(activity => (string)activity["id"]!).ToList();
        Assert.Equal(ids.Select((_, n) => $"{patient.ConversationId}|{n.ToString("D7", CultureInfo.InvariantCulture)}"), ids);
        foreach (var question in asked)
        {
            var message = Assert.Single(all, activity => (string?)activity["text"] == question);
            Assert.Contains(all, activity => (string?)activity["replyToId"] == (string?)message["id"] && (string?)activity["type"] == "message");
        }

        Assert.Equal(asked.Count, await StoredTurnsAsync(patient.ConversationId));
        Assert.False(b.HasExited, b.Output);
    }

    private Dictionary<string, string> Settings(string name) => new()
    {
        ["Storage__Provider"] = "PostgreSql",
        ["ConnectionStrings__FaqBot"] = _database,
        ["Storage__DataPath"] = Path.Combine(_root, name),
        ["Knowledge__Path"] = RepoPaths.Knowledge,
        ["Knowledge__Watch__Enabled"] = "false",
        ["Embeddings__CachePath"] = FaqBotFactory.SharedVectors,
        ["DirectLine__Secret"] = FaqBotFactory.TestSecret,
        ["RateLimits__DirectLinePerMinute"] = "1000000",
        ["RateLimits__ChatTokensPerMinute"] = "1000000",
    };

    private static async Task<bool> SeenWithinAsync(DirectLineClient poller, string watermark, string id, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            if ((await poller.ReadFromAsync(watermark)).Any(activity => (string?)activity["id"] == id))
            {
                return true;
            }

            await Task.Delay(50);
        }
        while (clock.Elapsed < within);
        return false;
    }

    /// <summary>How many turns of the conversation the shared transcript store holds.</summary>
    private async Task<long> StoredTurnsAsync(string conversationId)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM turns WHERE conversation_id = @id;", connection);
        command.Parameters.AddWithValue("id", conversationId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
