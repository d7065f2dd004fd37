using System.Net;
using System.Text.Json;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Web.Tests.TestSupport;
using FaqBot.Web.Review;

namespace FaqBot.Web.Tests.Review;

/// <summary>The reviewer workspace over conversations held through Direct Line: the list and its
/// filters, the conversation view with traces, review marks, exports, and deletion.</summary>
public sealed class ReviewWorkspaceTests(ReviewWorkspaceTests.Host host) : IClassFixture<ReviewWorkspaceTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public FaqBotFactory Factory { get; } = new();

        public HttpClient Reviewer { get; private set; } = null!;

        /// <summary>A conversation with an answer, an injection attempt in HTML and personal details.</summary>
        public string Answered { get; private set; } = "";

        /// <summary>A conversation with an urgent message.</summary>
        public string Urgent { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Reviewer = await Factory.SignedInClientAsync(Roles.Reviewer);
            var answered = await DirectLineClient.StartAsync(Factory.CreateClient());
            await answered.SayAsync("Can I drive home after my infusion?");
            await answered.SayAsync("<script>alert('x')</script><img src=x onerror=alert(1)> my name is Dorothea Vance");
            Answered = answered.ConversationId;
            var urgent = await DirectLineClient.StartAsync(Factory.CreateClient());
            await urgent.SayAsync("I took too many pills and can't breathe");
            Urgent = urgent.ConversationId;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    [Fact]
    public async Task A_conversation_held_in_web_chat_is_listed_and_the_outcome_filter_and_counts_follow_its_turns()
    {
        var all = await host.Reviewer.GetStringAsync("/review");
        var urgentOnly = await host.Reviewer.GetStringAsync("/review?outcome=DeclinedUrgent");
        var answeredOnly = await host.Reviewer.GetStringAsync("/review?outcome=Answered");

        Assert.Contains(host.Answered, all, StringComparison.Ordinal);
        Assert.Contains(host.Urgent, all, StringComparison.Ordinal);
        Assert.Contains(host.Urgent, urgentOnly, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Answered, urgentOnly, StringComparison.Ordinal);
        Assert.Contains(host.Answered, answeredOnly, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Urgent, answeredOnly, StringComparison.Ordinal);
        Assert.Contains("1 conversation(s) match.", urgentOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_conversation_view_shows_each_turns_trace_and_cited_snippet_with_patient_text_encoded_and_redacted()
    {
        var html = await host.Reviewer.GetStringAsync(ReviewRoutes.Conversation(host.Answered));

        Assert.Contains("Trace: answer", html, StringComparison.Ordinal);
        Assert.Contains("Cited snippet", html, StringComparison.Ordinal);
        Assert.Contains("Candidate snippet", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Dorothea", html, StringComparison.Ordinal);
        Assert.Contains("[name]", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_reviewed_tagging_and_noting_are_saved_filterable_and_audited()
    {
        var page = ReviewRoutes.Conversation(host.Urgent);
        var reviewed = await host.Reviewer.PostFormAsync(page, page + "&handler=Reviewed", new Dictionary<string, string> { ["reviewed"] = "true" });
        var tagged = await host.Reviewer.PostFormAsync(page, page + "&handler=Tags", new Dictionary<string, string> { ["tags"] = "Crisis, follow-up" });
        var noted = await host.Reviewer.PostFormAsync(page, page + "&handler=Note", new Dictionary<string, string> { ["note"] = "Called 988 info shown first." });
        var refused = await host.Reviewer.PostFormAsync(page, page + "&handler=Tags", new Dictionary<string, string> { ["tags"] = "no<tags>" });

        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, tagged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("class=\"error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var view = await host.Reviewer.GetStringAsync(page);
        Assert.Contains("crisis, follow-up", view, StringComparison.Ordinal);
        Assert.Contains("Called 988 info shown first.", view, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Urgent, await host.Reviewer.GetStringAsync("/review?reviewed=no"), StringComparison.Ordinal);
        Assert.Contains(host.Urgent, await host.Reviewer.GetStringAsync("/review?reviewed=yes"), StringComparison.Ordinal);
        var audit = await host.Factory.AuditAsync(new AuditQuery(Action: "conversation.reviewed"));
        Assert.Contains(audit, e => e.Target == host.Urgent && e.Actor.StartsWith("reviewer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_conversation_exports_as_an_emulator_transcript_array_in_order()
    {
        var response = await host.Reviewer.GetAsync(ReviewRoutes.Transcript(host.Answered));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".transcript", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var types = document.RootElement.EnumerateArray().Select(a => a.GetProperty("type").GetString()).ToList();
        // The second question has no approved answer: its reply is followed by the handoff event.
        Assert.Equal(["conversationUpdate", "message", "message", "typing", "message", "message", "typing", "message", "event"], types);
        Assert.All(document.RootElement.EnumerateArray(), a => Assert.Equal(host.Answered, a.GetProperty("conversation").GetProperty("id").GetString()));
        Assert.Contains(await host.Factory.AuditAsync(new AuditQuery(Action: "export.transcript")), e => e.Target == host.Answered);
    }

    [Fact]
    public async Task The_filtered_list_exports_as_csv()
    {
        var csv = await host.Reviewer.GetStringAsync("/review/export.csv?outcome=DeclinedUrgent");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("id,channel,started", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(host.Urgent + ",directline,", Assert.Single(lines.Skip(1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_may_delete_a_conversation()
    {
        var doomed = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        await doomed.SayAsync("What should I wear?");
        var page = ReviewRoutes.Conversation(doomed.ConversationId);
        var admin = await host.Factory.SignedInClientAsync(Roles.Admin);

        var byReviewer = await host.Reviewer.PostFormAsync(page, page + "&handler=Delete", new Dictionary<string, string>());
        var byAdmin = await admin.PostFormAsync(page, page + "&handler=Delete", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, byReviewer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(page)).StatusCode);
        Assert.Contains(await host.Factory.AuditAsync(new AuditQuery(Action: "conversation.delete")), e => e.Target == doomed.ConversationId);
    }
}
