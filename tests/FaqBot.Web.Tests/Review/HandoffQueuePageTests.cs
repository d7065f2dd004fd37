using System.Net;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using FaqBot.Web.Review;

namespace FaqBot.Web.Tests.Review;

public sealed class HandoffQueuePageTests
{
    [Fact]
    public async Task Staff_see_urgent_items_first_and_highlighted_and_move_them_along_with_an_audit_trail()
    {
        await using var factory = new FaqBotFactory();
        var unanswered = await DirectLineClient.StartAsync(factory.CreateClient());
        await unanswered.SayAsync("Do you validate parking for the garage on Saturn?");
        var urgent = await DirectLineClient.StartAsync(factory.CreateClient());
        await urgent.SayAsync("I want to end my life tonight");
        var staff = await factory.SignedInClientAsync(Roles.Staff);

        var html = await staff.GetStringAsync("/handoffs");

        var urgentAt = html.IndexOf(urgent.ConversationId, StringComparison.Ordinal);
        var otherAt = html.IndexOf(unanswered.ConversationId, StringComparison.Ordinal);
        Assert.True(urgentAt > 0 && otherAt > urgentAt, "the urgent item comes first");
        Assert.Contains("class=\"urgent status-new\"", html, StringComparison.Ordinal);
        Assert.Contains("URGENT", html, StringComparison.Ordinal);
        Assert.Contains("under a minute", html, StringComparison.Ordinal);
        // Staff may not open transcripts, so the queue does not link to them.
        Assert.DoesNotContain(ReviewRoutes.ConversationPage, html, StringComparison.Ordinal);

        var item = (await factory.Services.GetRequiredService<ITranscriptStore>().HandoffsAsync(false, CancellationToken.None)).First(i => i.Urgent);
        var moved = await staff.PostFormAsync("/handoffs", "/handoffs?handler=Status", new Dictionary<string, string>
        {
            ["id"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = "Contacted",
        });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = (await factory.Services.GetRequiredService<ITranscriptStore>().HandoffsAsync(false, CancellationToken.None)).Single(i => i.Id == item.Id);
        Assert.Equal(HandoffStatus.Contacted, after.Status);
        Assert.StartsWith("staff", after.StatusBy, StringComparison.Ordinal);
        Assert.Contains(await factory.AuditAsync(new AuditQuery(Action: "handoff.status")), e => e.Detail == "contacted");
    }

    [Fact]
    public async Task The_unanswered_report_groups_similar_questions_with_counts()
    {
        await using var factory = new FaqBotFactory();
        foreach (var question in new[] { "Do you validate parking at the garage?", "Is garage parking validated?", "Do you sell gift cards for a friend?" })
        {
            var client = await DirectLineClient.StartAsync(factory.CreateClient());
            await client.SayAsync(question);
        }

        var staff = await factory.SignedInClientAsync(Roles.Staff);
        var html = await staff.GetStringAsync("/unanswered");

        Assert.Contains("3 question(s) without an approved answer in 2 group(s)", html, StringComparison.Ordinal);
        Assert.Contains("<td>2</td>", html, StringComparison.Ordinal);
    }
}
