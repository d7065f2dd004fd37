using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FaqBot.BotFramework.Schema;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Review;

/// <summary>Bot Framework conversation ids may hold '/', '?', '#', '%', spaces and dot segments
/// (Teams' hold ':' and ';'): the review list links to such a conversation, and its page, its
/// actions and its export open from the links the pages give.</summary>
public sealed partial class ConversationIdTests
{
    [Theory]
    [InlineData("19:abc/def;messageid=7|livechat")]
    [InlineData("a%2Fb?c=1#d e/../f/")]
    public async Task A_conversation_whose_id_needs_escaping_opens_from_the_list_with_its_actions_and_export(string id)
    {
        await using var factory = new FaqBotFactory();
        await StoreAsync(factory, id);
        var reviewer = await factory.SignedInClientAsync(Roles.Reviewer);

        var list = await reviewer.GetStringAsync("/review");
        var page = Decode(Assert.Single(ConversationLink().Matches(list)).Groups["href"].Value);
        var opened = await reviewer.GetAsync(page);
        var html = await opened.Content.ReadAsStringAsync();
        var export = await reviewer.GetAsync(Decode(TranscriptLink().Match(html).Groups["href"].Value));
        var action = Decode(ReviewedAction().Match(html).Groups["action"].Value);
        var marked = await reviewer.PostFormAsync(page, action, new Dictionary<string, string> { ["reviewed"] = "true" });
        var after = await reviewer.GetStringAsync(marked.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains(id, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var transcript = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        Assert.Equal(id, transcript.RootElement[0].GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Contains("Mark not reviewed", after, StringComparison.Ordinal);
    }

    private static async Task StoreAsync(FaqBotFactory factory, string id)
    {
        var at = DateTimeOffset.UtcNow;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "1",
            Timestamp = at,
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = id },
            From = new ChannelAccount { Id = "user-1", Role = RoleTypes.User },
            Text = "What should I bring?",
        };
        var stored = new StoredActivity("1", ActivityDirection.In, ActivityTypes.Message, at, ActivityJson.Serialize(activity));
        await factory.Services.GetRequiredService<ITranscriptStore>().AppendAsync(
            new TurnRecord(id, "msteams", at, [stored], null, null), CancellationToken.None);
    }

    private static string Decode(string href) => WebUtility.HtmlDecode(href);

    [GeneratedRegex("<td class=\"wrap\"><a href=\"(?<href>[^\"]+)\">")]
    private static partial Regex ConversationLink();

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\" download>")]
    private static partial Regex TranscriptLink();

    [GeneratedRegex("<form class=\"inline\" method=\"post\" action=\"(?<action>[^\"]*handler=Reviewed[^\"]*)\"")]
    private static partial Regex ReviewedAction();
}
