using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Replies;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Handoffs;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Handoffs;

/// <summary>Live replies: staff join a waiting Web Chat conversation from the item page, the patient
/// sees them as the clinic's staff, the bot answers nothing but urgent messages meanwhile, and
/// releasing hands the chat back.</summary>
public sealed class LiveChatTests
{
    private const string Unanswerable = "Do you validate parking for the garage on Saturn?";

    /// <summary>Open at any moment, so the test does not depend on when it runs.</summary>
    private static FaqBotFactory Open() => new FaqBotFactory().With("Clinic:OpeningHours", "Sun-Sat 00:00-24:00").With("Clinic:TimeZone", "UTC");

    [Fact]
    public async Task Staff_join_reply_and_release_and_meanwhile_the_bot_answers_only_what_is_urgent()
    {
        await using var factory = Open();
        var patient = await DirectLineClient.StartAsync(factory.CreateClient());
        await patient.AskAsync(Unanswerable);
        var item = Assert.Single(await Store(factory).HandoffsAsync(false, CancellationToken.None));
        var staff = await factory.SignedInClientAsync(Roles.Staff, "kim.lee");
        var page = HandoffRoutes.Item(item.Id);
        Assert.Contains("Join the chat", await staff.GetStringAsync(page), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(page, page + "?handler=Join", new Dictionary<string, string>())).StatusCode);
        var joined = await patient.ReadAsync();

        Assert.Contains(joined, a => (string?)a["type"] == "event" && (string?)a["name"] == "handoff.status" && (string?)a["value"]!["state"] == "accepted");
        var hello = joined.Single(a => (string?)a["type"] == "message");
        Assert.Equal("Kim (clinic staff)", (string?)hello["from"]!["name"]);
        Assert.Equal(Knowledge(factory).Replies[ReplyIds.LiveJoined].Render("staff", "Kim (clinic staff)"), (string?)hello["text"]);
        Assert.Equal((HandoffStatus.Claimed, "kim.lee"), ((await Store(factory).HandoffAsync(item.Id, default))!.Status, (await Store(factory).HandoffAsync(item.Id, default))!.StatusBy));

        await patient.SayAsync("Can I drive home after my infusion?");
        Assert.DoesNotContain(await patient.ReadAsync(), a => (string?)a["type"] == "message" && (string?)a["from"]!["role"] == "bot");

        await patient.SayAsync("honestly I want to end my life tonight");
        var urgent = (await patient.ReadAsync()).Single(a => (string?)a["type"] == "message" && (string?)a["from"]!["role"] == "bot");
        Assert.Contains("988", (string?)urgent["text"], StringComparison.Ordinal);

        await staff.PostFormAsync(page, page + "?handler=Reply", new Dictionary<string, string> { ["text"] = "I am here with you. Can I call you right now?" });
        var reply = (await patient.ReadAsync()).Single(a => (string?)a["type"] == "message");
        Assert.Equal(("I am here with you. Can I call you right now?", "Kim (clinic staff)"), ((string?)reply["text"], (string?)reply["from"]!["name"]));
        var chat = await staff.GetStringAsync(page + "?handler=Chat");
        Assert.Contains("Can I drive home after my infusion?", chat, StringComparison.Ordinal);
        Assert.Contains("I am here with you.", chat, StringComparison.Ordinal);
        Assert.Contains("Kim (clinic staff)", chat, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(page, page + "?handler=Release", new Dictionary<string, string>())).StatusCode);
        var left = await patient.ReadAsync();
        Assert.Contains(left, a => (string?)a["name"] == "handoff.status" && (string?)a["value"]!["state"] == "completed");
        Assert.Contains(left, a => (string?)a["text"] == Knowledge(factory).Replies[ReplyIds.LiveLeft].Render("staff", "Kim (clinic staff)"));
        var answered = await patient.AskAsync("Can I drive home after my infusion?");
        Assert.NotEmpty(answered["entities"]![0]!["citation"]!.AsArray()); // an answer with its citation: the bot answers again
        var actions = (await factory.AuditAsync(new AuditQuery(Actor: "kim.lee"))).Select(e => e.Action).ToList();
        Assert.Equal(["handoff.live.join", "handoff.live.release", "handoff.live.reply"], actions.Where(a => a.StartsWith("handoff.live", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_second_staff_member_cannot_join_a_taken_chat_and_nobody_can_reply_without_joining()
    {
        await using var factory = Open();
        var patient = await DirectLineClient.StartAsync(factory.CreateClient());
        await patient.AskAsync(Unanswerable);
        var item = Assert.Single(await Store(factory).HandoffsAsync(false, CancellationToken.None));
        var page = HandoffRoutes.Item(item.Id);
        var first = await factory.SignedInClientAsync(Roles.Staff, "kim");
        var second = await factory.SignedInClientAsync(Roles.Clinician, "ana");
        await first.PostFormAsync(page, page + "?handler=Join", new Dictionary<string, string>());

        var taken = await second.PostFormAsync(page, page + "?handler=Join", new Dictionary<string, string>());
        var stray = await second.PostFormAsync(page, page + "?handler=Reply", new Dictionary<string, string> { ["text"] = "hello" });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("kim is already in this chat", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, stray.StatusCode);
        Assert.DoesNotContain(await patient.ReadAsync(), a => (string?)a["text"] == "hello");
    }

    [Fact]
    public async Task Outside_the_opening_hours_staff_cannot_join_and_the_callback_form_says_when_the_clinic_opens()
    {
        await using var factory = new FaqBotFactory().With("Clinic:OpeningHours", "").With("Clinic:TimeZone", "UTC");
        var patient = await DirectLineClient.StartAsync(factory.CreateClient());
        await patient.AskAsync(Unanswerable);
        var item = Assert.Single(await Store(factory).HandoffsAsync(false, CancellationToken.None));
        var page = HandoffRoutes.Item(item.Id);
        var staff = await factory.SignedInClientAsync(Roles.Staff);

        var html = await staff.GetStringAsync(page);
        var join = await staff.PostFormAsync(page, page + "?handler=Join", new Dictionary<string, string>());
        await patient.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{patient.ConversationId}/activities", new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "someone", ["role"] = "user" },
            ["value"] = new JsonObject { ["action"] = "callback-form" },
        });
        var form = (await patient.ReadAsync()).Last(a => (string?)a["type"] == "message");

        Assert.DoesNotContain("Join the chat", html, StringComparison.Ordinal);
        Assert.Contains("The clinic is closed", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, join.StatusCode);
        Assert.StartsWith(Knowledge(factory).Replies[ReplyIds.ClinicClosed].Text[..30], (string?)form["text"], StringComparison.Ordinal);
        Assert.Equal(CallbackForm.AdaptiveCardType, (string?)form["attachments"]![0]!["contentType"]);
    }

    private static KnowledgeBase Knowledge(FaqBotFactory factory) => factory.Services.GetRequiredService<KnowledgeHolder>().Current;

    private static ITranscriptStore Store(FaqBotFactory factory) => factory.Services.GetRequiredService<ITranscriptStore>();
}
