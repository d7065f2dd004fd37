using System.Diagnostics;
using System.Text.Json;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

/// <summary>From the patient's page to the reviewer's: a conversation held in Web Chat (with a
/// thumbs-down on the answer) is found by a reviewer who signs in, filters, opens it with its
/// trace, redacted, and exports it as a <c>.transcript</c> file.</summary>
public sealed class ReviewerWorkspaceBrowserTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    private const string SendBox = "[data-id='webchat-sendbox-input']";
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";
    private const string ThumbDown = "button.webchat__thumb-button[aria-label*='islike' i]";

    [Fact]
    public async Task A_web_chat_conversation_is_found_filtered_opened_with_its_trace_redacted_and_exported_by_a_signed_in_reviewer()
    {
        var problems = new PageProblems(output);
        var patient = problems.Watch(await host.OpenPageAsync());
        await Expect(patient.Locator(BotBubble).First, "the welcome").ToBeVisibleAsync();
        await SayAsync(patient, "Hi, my name is Odessa Pratt.");
        await SayAsync(patient, "Can I drive home after my infusion?");
        var answered = Stopwatch.StartNew();
        // Stored before the answer was delivered: the turn is there the moment the page shows it.
        var store = host.Factory.Services.GetRequiredService<ITranscriptStore>();
        var conversation = (await store.ListAsync(new ConversationFilter { Take = 1 }, CancellationToken.None)).Items.Single().Id;
        var stored = await store.GetAsync(conversation, CancellationToken.None);
        output.WriteLine($"stored turns read {answered.Elapsed.TotalMilliseconds:0} ms after the answer showed");
        Assert.Equal(["no-answer", "answer"], stored!.Turns.Select(t => t.Summary.Outcome));
        await patient.Locator(ThumbDown).Last.ClickAsync();

        await host.Factory.CreateUserAsync("riley", Roles.Reviewer);
        var reviewer = problems.Watch(await host.NewPageAsync());
        await reviewer.GotoAsync("/review");
        await Expect(reviewer, "sent to sign in first").ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signin"));
        await reviewer.GetByLabel("Name").FillAsync("riley");
        await reviewer.GetByLabel("Password").FillAsync(StaffSession.Password);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = "Conversations" })).ToBeVisibleAsync();
        await Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = conversation }), "the conversation, listed as soon as it was answered").ToBeVisibleAsync();
        output.WriteLine($"listed in the workspace {answered.ElapsedMilliseconds} ms after the answer showed (including signing in)");

        await reviewer.GetByLabel("Outcome").SelectOptionAsync("Answered");
        await reviewer.GetByLabel("Negative feedback").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Expect(reviewer.GetByText("1 conversation(s) match.")).ToBeVisibleAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = conversation }).ClickAsync();

        await Expect(reviewer.Locator("details.trace summary").Filter(new() { HasTextString = "Trace: answer" })).ToContainTextAsync("feedback: unhelpful");
        await Expect(reviewer.Locator(".snippet").First).ToContainTextAsync("Cited snippet");
        await Expect(reviewer.Locator("ol.chat")).ToContainTextAsync("my name is [name]");
        await Expect(reviewer.Locator("body")).Not.ToContainTextAsync("Odessa");

        var download = await reviewer.RunAndWaitForDownloadAsync(() => reviewer.GetByRole(AriaRole.Link, new() { Name = "Export .transcript" }).ClickAsync());
        Assert.EndsWith(".transcript", download.SuggestedFilename, StringComparison.Ordinal);
        using var transcript = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        var types = transcript.RootElement.EnumerateArray().Select(a => a.GetProperty("type").GetString()).ToList();
        Assert.Equal("conversationUpdate", types[0]);
        Assert.Contains("event", types);   // the thumbs-down
        Assert.DoesNotContain("Odessa", transcript.RootElement.GetRawText(), StringComparison.Ordinal);
        problems.AssertNone();
    }

    /// <summary>Sends a message and waits for the bot's next bubble.</summary>
    private static async Task SayAsync(IPage page, string text)
    {
        var bubbles = await page.Locator(BotBubble).CountAsync();
        await page.Locator(SendBox).FillAsync(text);
        await page.Locator(SendBox).PressAsync("Enter");
        await Expect(page.Locator(BotBubble).Nth(bubbles), "the reply to: " + text).ToBeVisibleAsync();
    }
}
