using System.Diagnostics;
using System.Net;
using FaqBot.Core.Knowledge;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Accounts;
using FaqBot.Web.Handoffs;
using FaqBot.Web.Knowledge;
using FaqBot.Web.Tests.Knowledge;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Deployment;

/// <summary>Two hosts on one PostgreSQL database, each with a data folder of its own and the same
/// knowledge folder: the data-protection keys live in the database, so a staff member signed in on
/// one is signed in on the other; a staff edit on one is served by the other within two seconds
/// (its folder watch is off here, so only the knowledge generation can tell it).</summary>
public sealed class SharedDatabaseTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faqbot-shared-db-tests", Guid.NewGuid().ToString("N"));
    private string _database = "";

    private string Knowledge => Path.Combine(_root, "knowledge");

    public async Task InitializeAsync()
    {
        _database = await PostgresCluster.Shared.CreateDatabaseAsync();
        WatchedKnowledge.Copy(Path.Combine(WatchedKnowledge.RepositoryRoot(), "knowledge"), Knowledge);
    }

    public async Task DisposeAsync()
    {
        await PostgresCluster.Shared.DropDatabaseAsync(_database);
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task A_staff_cookie_from_one_host_works_on_the_other_and_no_key_is_written_to_either_folder()
    {
        await using var a = Host("a");
        await using var b = Host("b");
        await a.CreateUserAsync("alice", Roles.Reviewer);

        var cookie = await a.CreateBrowserLikeClient().StaffCookieAsync("alice");
        var onB = await b.ReplayAsync(cookie, StaffRoutes.Home);

        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(_root, "a", "keys")), "host a wrote its keys to its folder");
        Assert.False(Directory.Exists(Path.Combine(_root, "b", "keys")), "host b wrote its keys to its folder");
    }

    [Fact]
    public async Task A_snippet_retired_on_one_host_stops_being_served_by_the_other_within_two_seconds()
    {
        await using var a = Host("a");
        await using var b = Host("b");
        var onB = b.Services.GetRequiredService<KnowledgeHolder>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var snippet = onB.Current.Snippets.First(s => s.IsServable(today));

        var outcome = await a.Services.GetRequiredService<SnippetEditor>().RetireAsync(snippet.Id, snippet.Version, "alice", CancellationToken.None);
        Assert.Equal(EditStatus.Saved, outcome.Status);
        var clock = Stopwatch.StartNew();
        while (onB.Current.Snippets.Any(s => s.Id == snippet.Id && s.IsServable(today)) && clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(50);
        }

        Assert.False(onB.Current.Snippets.Any(s => s.Id == snippet.Id && s.IsServable(today)), $"host b still serves '{snippet.Id}' {clock.Elapsed.TotalSeconds:0.0} s after host a retired it");
    }

    [Fact]
    public async Task A_staff_member_who_joined_a_chat_on_one_host_keeps_the_bot_quiet_on_the_other()
    {
        await using var a = Host("a");
        await using var b = Host("b");
        var patient = await DirectLineClient.StartAsync(a.CreateClient());
        await patient.AskAsync("Do you validate parking for the garage on Saturn?");
        var item = Assert.Single(await a.Services.GetRequiredService<ITranscriptStore>().HandoffsAsync(false, CancellationToken.None));
        var staff = await a.SignedInClientAsync(Roles.Staff, "kim.lee");
        var page = HandoffRoutes.Item(item.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(page, page + "?handler=Join", new Dictionary<string, string>())).StatusCode);
        await patient.ReadAsync();

        var onB = patient.ResumeOn(b.CreateClient());
        await onB.SayAsync("Can I drive home after my infusion?");

        Assert.DoesNotContain(await onB.ReadAsync(), activity => (string?)activity["type"] == "message" && (string?)activity["from"]!["role"] == "bot");
    }

    [Fact]
    public async Task After_an_urgent_message_on_one_host_the_other_host_repeats_the_crisis_resources_and_reads_follow_ups()
    {
        await using var a = Host("a");
        await using var b = Host("b");
        var reminder = a.Services.GetRequiredService<KnowledgeHolder>().Current.Replies[FaqBot.Core.Replies.ReplyIds.UrgentReminder].Text;
        var patient = await DirectLineClient.StartAsync(a.CreateClient());
        var urgent = await patient.AskAsync("honestly I want to end my life tonight");
        Assert.Contains("988", (string?)urgent["text"], StringComparison.Ordinal);

        var onB = patient.ResumeOn(b.CreateClient());
        var next = await onB.AskAsync("Can I drive home after my infusion?");

        Assert.StartsWith(reminder, (string?)next["text"], StringComparison.Ordinal);
        var stored = await DiskContents.RawValuesAsync(b.Services.GetRequiredService<FaqBot.Storage.Database.IStoreDatabase>(), "conversation_context", "topic");
        Assert.All(stored, topic => Assert.DoesNotContain("drive", topic, StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(stored);
    }

    private FaqBotFactory Host(string name)
    {
        var host = new FaqBotFactory()
            .With("Storage:DataPath", Path.Combine(_root, name))
            .With("Storage:Provider", "PostgreSql")
            .With("ConnectionStrings:FaqBot", _database)
            .With("Knowledge:Path", Knowledge)
            .With("Knowledge:Watch:Enabled", "false")
            .With("Clinic:OpeningHours", "Sun-Sat 00:00-24:00")
            .With("Clinic:TimeZone", "UTC");
        _ = host.Services;
        return host;
    }
}
