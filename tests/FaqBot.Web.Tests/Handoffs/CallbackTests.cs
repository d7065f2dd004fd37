using System.Net;
using System.Text.Json.Nodes;
using FaqBot.Core.Answering;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Replies;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Sqlite;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Handoffs;
using FaqBot.Web.Review;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Handoffs;

/// <summary>The callback path over Direct Line, as Web Chat drives it: the offer after a reply the
/// bot hands to staff, the form, a submission checked field by field, and contact details that
/// are stored only with the handoff item, sealed, shown only to the roles that work the queue.</summary>
public sealed class CallbackTests
{
    /// <summary>Details nothing else in the database holds, to look for on disk and in every output.</summary>
    private const string Name = "Wilhelmina Quackenbush";

    private const string Email = "wquackenbush@example.org";

    /// <summary>A valid US number as a patient types it, and its E.164 form.</summary>
    private const string Phone = "(913) 555-0147";

    private const string E164 = "+19135550147";

    private const string Unanswerable = "Do you validate parking for the garage on Saturn?";

    [Fact]
    public async Task A_reply_handed_to_staff_offers_a_callback_and_the_offer_brings_the_form_with_the_approved_consent_wording()
    {
        await using var factory = new FaqBotFactory();
        var client = await DirectLineClient.StartAsync(factory.CreateClient());
        var knowledge = Knowledge(factory);

        var reply = await client.AskAsync(Unanswerable);
        var offer = Assert.Single(reply["suggestedActions"]!["actions"]!.AsArray(), a => (string?)a!["type"] == "messageBack")!;
        Assert.Equal(knowledge.Replies[ReplyIds.CallbackOffer].Text.Trim(), (string?)offer["title"]);
        var answered = await client.AskAsync("Can I drive home after my infusion?");
        Assert.DoesNotContain("messageBack", DirectLineClient.Json(answered), StringComparison.Ordinal);
        var person = await client.AskAsync("can i talk to a real person please");
        Assert.Contains(person["suggestedActions"]!["actions"]!.AsArray(), a => (string?)a!["type"] == "messageBack");

        await client.SendAsync(HttpMethod.Post, Activities(client), Message(offer["value"]!.DeepClone()));
        var form = (await client.ReadAsync()).Last(a => (string?)a["type"] == "message");

        var card = form["attachments"]![0]!;
        Assert.Equal(CallbackForm.AdaptiveCardType, (string?)card["contentType"]);
        var body = card["content"]!["body"]!.AsArray();
        Assert.Equal(["name", "phone", "email", "bestTime", "consent"], body.Select(b => (string?)b!["id"]));
        Assert.Equal(knowledge.Replies[ReplyIds.CallbackConsent].Text.Trim(), (string?)body[4]!["title"]);
        Assert.Equal("callback", (string?)card["content"]!["actions"]![0]!["data"]!["action"]);
    }

    [Fact]
    public async Task An_urgent_message_gets_the_crisis_resources_first_and_the_callback_only_in_addition()
    {
        await using var factory = new FaqBotFactory();
        var client = await DirectLineClient.StartAsync(factory.CreateClient());

        var reply = await client.AskAsync("I want to end my life tonight");

        Assert.StartsWith(Knowledge(factory).Replies[ReplyIds.Urgent].Text[..40], (string?)reply["text"], StringComparison.Ordinal);
        Assert.Contains(reply["suggestedActions"]!["actions"]!.AsArray(), a => (string?)a!["type"] == "messageBack");
    }

    [Fact]
    public async Task Without_consent_or_with_a_bad_number_nothing_is_stored_and_the_patient_is_told_why_with_the_form_again()
    {
        await using var factory = new FaqBotFactory();
        var client = await DirectLineClient.StartAsync(factory.CreateClient());
        await client.AskAsync(Unanswerable);

        var noConsent = await SubmitAsync(client, Form(consent: "false"));
        var badPhone = await SubmitAsync(client, Form(phone: "12"));
        var nothing = await SubmitAsync(client, Form(phone: "", email: ""));

        Assert.Contains("tick the box", (string?)noConsent["text"], StringComparison.Ordinal);
        Assert.Contains("phone number does not look like a valid number", (string?)badPhone["text"], StringComparison.Ordinal);
        Assert.Contains("phone number or an e-mail address", (string?)nothing["text"], StringComparison.Ordinal);
        Assert.All(new[] { noConsent, badPhone, nothing }, r => Assert.Equal(CallbackForm.AdaptiveCardType, (string?)r["attachments"]![0]!["contentType"]));
        var item = Assert.Single(await Store(factory).HandoffsAsync(false, CancellationToken.None));
        Assert.False(item.WantsCallback);
        Assert.Null(await Store(factory).CallbackContactAsync(item.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_consented_request_goes_with_the_open_item_normalised_and_confirmed_with_the_hours()
    {
        await using var factory = new FaqBotFactory();
        var client = await DirectLineClient.StartAsync(factory.CreateClient());
        await client.AskAsync(Unanswerable);

        var confirmed = await SubmitAsync(client, Form());

        Assert.Equal(Knowledge(factory).Replies[ReplyIds.CallbackConfirmed].Text, (string?)confirmed["text"]);
        var item = Assert.Single(await Store(factory).HandoffsAsync(false, CancellationToken.None));
        Assert.Equal(HandoffDecision.NoAnswer, item.Reason);
        Assert.True(item.WantsCallback);
        var contact = await Store(factory).CallbackContactAsync(item.Id, CancellationToken.None);
        Assert.NotNull(contact);
        Assert.Equal((Name, E164, Email, "weekday mornings"), (contact.Name, contact.Phone, contact.Email, contact.BestTime));
        Assert.Equal((ReplyIds.CallbackConsent, Knowledge(factory).Replies[ReplyIds.CallbackConsent].Version), (contact.ConsentReplyId, contact.ConsentVersion));
    }

    [Fact]
    public async Task A_request_with_no_item_open_makes_its_own_and_an_urgent_best_time_gets_the_crisis_resources_first_and_raises_it()
    {
        await using var factory = new FaqBotFactory();
        var client = await DirectLineClient.StartAsync(factory.CreateClient());
        await client.ReadAsync(); // the welcome

        await SendAsync(client, Form(bestTime: "any time, I took all my pills an hour ago"));
        var replies = (await client.ReadAsync()).Where(a => (string?)a["type"] == "message" && (string?)a["from"]!["role"] == "bot").ToList();

        Assert.Equal(2, replies.Count);
        Assert.Contains("911", (string?)replies[0]["text"], StringComparison.Ordinal);
        Assert.Equal(Knowledge(factory).Replies[ReplyIds.CallbackConfirmed].Text, (string?)replies[1]["text"]);
        var item = Assert.Single(await Store(factory).HandoffsAsync(false, CancellationToken.None));
        Assert.Equal(HandoffDecision.Callback, item.Reason);
        Assert.Equal(HandoffPriority.Urgent, item.Priority);
    }

    [Fact]
    public async Task Contact_details_are_nowhere_in_clear_on_disk_in_the_log_the_transcript_or_the_exports()
    {
        var log = new CapturingLoggerProvider();
        await using var factory = new FaqBotFactory()
            .With("Logging:LogLevel:Default", "Trace")
            .WithServices(services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(log)));
        var client = await DirectLineClient.StartAsync(factory.CreateClient());
        await client.AskAsync(Unanswerable);
        await SubmitAsync(client, Form());
        var admin = await factory.SignedInClientAsync(Roles.Admin);

        var outputs = new Dictionary<string, string>
        {
            ["review page"] = await admin.GetStringAsync(ReviewRoutes.Conversation(client.ConversationId)),
            ["transcript export"] = await admin.GetStringAsync(ReviewRoutes.Transcript(client.ConversationId)),
            ["csv export"] = await admin.GetStringAsync("/review/export.csv"),
            ["queue"] = await admin.GetStringAsync(HandoffRoutes.Queue),
            ["unanswered report"] = await admin.GetStringAsync("/unanswered"),
            ["log"] = string.Join('\n', log.Lines),
            ["the Direct Line conversation"] = await (await client.SendAsync(HttpMethod.Get, Activities(client) + "?watermark=0")).Content.ReadAsStringAsync(),
        };
        var database = factory.Services.GetRequiredService<SqliteDatabase>();
        var stored = await DiskContents.ProtectedValuesAsync(database);

        foreach (var detail in new[] { "Quackenbush", E164, "555-0147", "5550147", Email })
        {
            Assert.False(DiskContents.FilesHold(database, detail), $"the database files hold {detail} in clear");
            foreach (var (what, text) in outputs)
            {
                Assert.DoesNotContain(detail, text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.All(stored, v => Assert.DoesNotContain(detail, v.Value, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(TranscriptRedactionKeptApart, outputs["transcript export"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_item_page_shows_the_contact_to_staff_clinicians_and_admins_with_each_view_audited_and_to_no_other_role()
    {
        await using var factory = new FaqBotFactory();
        var client = await DirectLineClient.StartAsync(factory.CreateClient());
        await client.AskAsync(Unanswerable);
        await SubmitAsync(client, Form());
        var item = Assert.Single(await Store(factory).HandoffsAsync(false, CancellationToken.None));
        var page = HandoffRoutes.Item(item.Id);

        foreach (var role in new[] { Roles.Staff, Roles.Clinician, Roles.Admin })
        {
            var staff = await factory.SignedInClientAsync(role);
            var queue = await staff.GetStringAsync(HandoffRoutes.Queue);
            Assert.Contains($"href=\"{page}\"", queue, StringComparison.Ordinal);

            Assert.DoesNotContain(Name, queue, StringComparison.Ordinal);
            var html = WebUtility.HtmlDecode(await staff.GetStringAsync(page));
            Assert.Contains(Name, html, StringComparison.Ordinal);
            Assert.Contains(E164, html, StringComparison.Ordinal);
            Assert.Contains(Email, html, StringComparison.Ordinal);
        }

        var reviewer = await factory.SignedInClientAsync(Roles.Reviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync(page)).StatusCode);
        var views = await factory.AuditAsync(new AuditQuery(Action: "handoff.contact.view"));
        Assert.Equal(3, views.Count);
        Assert.Equal(["admin", "clinician", "staff"], views.Select(v => v.Actor.Split('-')[0]).Order(StringComparer.Ordinal));

        // Every link the queue shows a role opens for that role.
        foreach (var role in new[] { Roles.Staff, Roles.Clinician, Roles.Admin })
        {
            var staff = await factory.SignedInClientAsync(role);
            var links = Links(await staff.GetStringAsync(HandoffRoutes.Queue))
                .Where(l => l.StartsWith("/handoffs/", StringComparison.Ordinal) || l.StartsWith("/review/", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(links);
            foreach (var link in links)
            {
                Assert.True((await staff.GetAsync(link)).StatusCode == HttpStatusCode.OK, $"{role}: the queue's link {link} does not open");
            }
        }
    }

    [Fact]
    public async Task Staff_claim_an_item_from_its_page_and_the_queue_shows_who_has_it()
    {
        await using var factory = new FaqBotFactory();
        var client = await DirectLineClient.StartAsync(factory.CreateClient());
        await client.AskAsync(Unanswerable);
        var item = Assert.Single(await Store(factory).HandoffsAsync(false, CancellationToken.None));
        var staff = await factory.SignedInClientAsync(Roles.Staff, "staff-kim");

        var claimed = await staff.PostFormAsync(HandoffRoutes.Item(item.Id), HandoffRoutes.Item(item.Id) + "?handler=Status",
            new Dictionary<string, string> { ["status"] = nameof(HandoffStatus.Claimed) });

        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        var after = Assert.Single(await Store(factory).HandoffsAsync(false, CancellationToken.None));
        Assert.Equal((HandoffStatus.Claimed, "staff-kim"), (after.Status, after.StatusBy));
        Assert.Contains("by staff-kim", await staff.GetStringAsync(HandoffRoutes.Queue), StringComparison.Ordinal);
    }

    private const string TranscriptRedactionKeptApart = CallbackEchoFilter.KeptApart;

    private static JsonObject Form(string name = Name, string phone = Phone, string email = Email, string bestTime = "weekday mornings", string consent = "true") => new()
    {
        ["action"] = "callback",
        ["name"] = name,
        ["phone"] = phone,
        ["email"] = email,
        ["bestTime"] = bestTime,
        ["consent"] = consent,
    };

    private static JsonObject Message(JsonNode value) => new()
    {
        ["type"] = "message",
        ["from"] = new JsonObject { ["id"] = "someone", ["role"] = "user" },
        ["value"] = value,
        ["channelData"] = new JsonObject { ["clientActivityID"] = Guid.NewGuid().ToString("N") },
    };

    private static string Activities(DirectLineClient client) => $"/v3/directline/conversations/{client.ConversationId}/activities";

    private static async Task SendAsync(DirectLineClient client, JsonObject form) =>
        (await client.SendAsync(HttpMethod.Post, Activities(client), Message(form))).EnsureSuccessStatusCode();

    /// <summary>Submits the form and returns the bot's last message in reply.</summary>
    private static async Task<JsonObject> SubmitAsync(DirectLineClient client, JsonObject form)
    {
        await SendAsync(client, form);
        return (await client.ReadAsync()).Last(a => (string?)a["type"] == "message" && (string?)a["from"]!["role"] == "bot");
    }

    /// <summary>Every link target on a page, decoded.</summary>
    private static IEnumerable<string> Links(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "href=\"([^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    private static KnowledgeBase Knowledge(FaqBotFactory factory) => factory.Services.GetRequiredService<KnowledgeHolder>().Current;

    private static ITranscriptStore Store(FaqBotFactory factory) => factory.Services.GetRequiredService<ITranscriptStore>();
}
