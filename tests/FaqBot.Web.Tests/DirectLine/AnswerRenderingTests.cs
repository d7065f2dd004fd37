using System.Text.Json.Nodes;
using FaqBot.Core.Knowledge;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.DirectLine;

/// <summary>What Web Chat receives for each kind of answer, checked against the served knowledge
/// (no answer text is written into the tests).</summary>
public sealed class AnswerRenderingTests(AnswerRenderingTests.Host host) : IClassFixture<AnswerRenderingTests.Host>
{
    public sealed class Host : IDisposable
    {
        public FaqBotFactory Factory { get; } = new();

        public KnowledgeBase Knowledge => Factory.Services.GetRequiredService<KnowledgeHolder>().Current;

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task An_answer_is_the_snippet_in_markdown_with_reference_definitions_and_a_citation_entity_naming_its_source()
    {
        var snippet = host.Knowledge.Snippets.First(s => s.Status == SnippetStatus.Approved);
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        await client.ReadAsync();

        var reply = await client.AskAsync(snippet.Questions[0]);

        var text = (string)reply["text"]!;
        Assert.Equal("markdown", (string?)reply["textFormat"]);
        Assert.StartsWith(snippet.Body.Trim(), text, StringComparison.Ordinal);
        var source = host.Knowledge.Sources[snippet.Source.DocumentId];
        Assert.Contains($"[1]: cite:1 \"{source.Title}", text, StringComparison.Ordinal);

        var message = Assert.Single(reply["entities"]!.AsArray(), e => (string?)e!["type"] == "https://schema.org/Message")!;
        Assert.Equal("", (string?)message["@id"]);
        Assert.Equal("https://schema.org", (string?)message["@context"]);
        var claim = message["citation"]!.AsArray()[0]!;
        Assert.Equal("Claim", (string?)claim["@type"]);
        Assert.Equal(1, (int)claim["position"]!);
        Assert.StartsWith(source.Title, (string?)claim["appearance"]!["name"], StringComparison.Ordinal);
        Assert.Contains(snippet.Id, (string?)claim["appearance"]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_offers_related_questions_that_are_titles_of_other_approved_snippets()
    {
        var snippet = host.Knowledge.Snippets.First(s => s.Status == SnippetStatus.Approved && s.Tags.Count > 0);
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());

        var reply = await client.AskAsync(snippet.Questions[0]);

        var actions = reply["suggestedActions"]!["actions"]!.AsArray();
        Assert.InRange(actions.Count, 1, 3);
        var titles = host.Knowledge.Snippets.Where(s => s.Id != snippet.Id).Select(s => s.Title).ToHashSet();
        Assert.All(actions, a =>
        {
            Assert.Equal("imBack", (string?)a!["type"]);
            Assert.Contains((string)a["value"]!, titles);
        });
    }

    [Fact]
    public async Task Clicking_a_suggested_action_sends_its_title_and_gets_that_snippet()
    {
        var snippet = host.Knowledge.Snippets.First(s => s.Status == SnippetStatus.Approved && s.Tags.Count > 0);
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        var first = await client.AskAsync(snippet.Questions[0]);
        var chosen = (string)first["suggestedActions"]!["actions"]!.AsArray()[0]!["value"]!;
        var target = host.Knowledge.Snippets.Single(s => s.Title == chosen);

        var reply = await client.AskAsync(chosen);

        Assert.StartsWith(target.Body.Trim(), (string)reply["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_snippet_title_offered_as_a_choice_leads_to_that_snippet()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        var today = DateOnly.FromDateTime(DateTime.Now);
        foreach (var snippet in host.Knowledge.Snippets.Where(s => s.IsServable(today)))
        {
            var reply = await client.AskAsync(snippet.Title);

            Assert.True(((string)reply["text"]!).StartsWith(snippet.Body.Trim(), StringComparison.Ordinal), $"title '{snippet.Title}' did not lead to {snippet.Id}");
        }
    }

    [Fact]
    public async Task The_user_message_is_echoed_with_its_client_activity_id_and_the_bot_types_before_it_answers()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        await client.ReadAsync();

        var id = await client.SayAsync("what should I bring", "client-42");
        var activities = await client.ReadAsync();

        var echo = activities[0];
        Assert.Equal(id, (string?)echo["id"]);
        Assert.Equal("client-42", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.Equal("typing", (string?)activities[1]["type"]);
        Assert.Equal("bot", (string?)activities[1]["from"]!["role"]);
        Assert.Equal("message", (string?)activities[2]["type"]);
        Assert.Equal(id, (string?)activities[2]["replyToId"]);
        var stamps = activities.Select(a => DateTimeOffset.Parse((string)a["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(stamps.OrderBy(s => s), stamps);
        Assert.All(activities, a => Assert.EndsWith("Z", (string)a["timestamp"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_fields_of_a_posted_activity_survive_the_round_trip()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        await client.ReadAsync();

        await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", new JsonObject
        {
            ["type"] = "message",
            ["text"] = "hello",
            ["localTimezone"] = "America/Chicago",
            ["somethingNew"] = new JsonObject { ["nested"] = new JsonArray(1, 2) },
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "ClientCapabilities", ["requiresBotState"] = true }),
        });
        var echo = (await client.ReadAsync())[0];

        Assert.Equal("America/Chicago", (string?)echo["localTimezone"]);
        Assert.Equal("[1,2]", DirectLineClient.Json(echo["somethingNew"]!["nested"]!));
        Assert.True((bool)echo["entities"]![0]!["requiresBotState"]!);
    }
}
