using System.Globalization;
using FaqBot.Cli.Tests.Support;
using FaqBot.Web.Tests.TestSupport;

namespace FaqBot.Web.Tests.Deployment;

/// <summary>One host on the embedded SQLite file, SIGKILLed mid-conversation and started again on
/// the same data folder: the patient's token goes on with the same conversation from the same
/// watermark, and every activity acknowledged before the kill is still served.</summary>
public sealed class KilledHostTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "faqbot-killed-host", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_same_token_goes_on_after_the_host_is_killed_and_started_again()
    {
        DirectLineClient patient;
        List<string> before;
        await using (var first = await WebHostProcess.StartAsync(Settings()))
        {
            patient = await DirectLineClient.StartAsync(first.Client);
            await patient.AskAsync("Can I drive home after my infusion?");
            await patient.AskAsync("What should I wear to the appointment?");
            before = [.. (await patient.ReadFromAsync("0")).Select(activity => (string)activity["id"]!)];
            first.Kill();
        }

        await using var second = await WebHostProcess.StartAsync(Settings());
        var resumed = patient.ResumeOn(second.Client);

        Assert.Empty(await resumed.ReadAsync());
        Assert.Equal(before, (await resumed.ReadFromAsync("0")).Select(activity => (string)activity["id"]!));
        var reply = await resumed.AskAsync("How long does an infusion take?");
        Assert.Equal("bot", (string?)reply["from"]!["role"]);
        Assert.Equal($"{patient.ConversationId}|{before.Count.ToString("D7", CultureInfo.InvariantCulture)}", (string?)reply["replyToId"]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["Storage__DataPath"] = _data,
        ["Knowledge__Path"] = RepoPaths.Knowledge,
        ["Knowledge__Watch__Enabled"] = "false",
        ["Embeddings__CachePath"] = FaqBotFactory.SharedVectors,
        ["DirectLine__Secret"] = FaqBotFactory.TestSecret,
        ["RateLimits__DirectLinePerMinute"] = "1000000",
        ["RateLimits__ChatTokensPerMinute"] = "1000000",
    };
}
