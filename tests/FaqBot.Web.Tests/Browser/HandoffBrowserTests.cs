using FaqBot.Core.Replies;
using FaqBot.Storage.Accounts;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

/// <summary>The browser on a host whose clinic is always open, so staff may join a chat whenever the test runs.</summary>
public sealed class AlwaysOpenHost : IAsyncLifetime
{
    public BrowserHost Host { get; } = new(factory => factory.With("Clinic:OpeningHours", "Sun-Sat 00:00-24:00").With("Clinic:TimeZone", "UTC"));

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}

/// <summary>The whole handoff path in real browsers: a patient the bot cannot answer asks for a
/// callback through the form in Web Chat; a staff member finds the request in the queue, opens it,
/// joins the chat and replies; the patient sees the reply as from the clinic's staff; an urgent
/// message typed meanwhile still gets the crisis resources; staff hand the chat back and the bot
/// answers again.</summary>
public sealed partial class HandoffBrowserTests(AlwaysOpenHost fixture, ITestOutputHelper output) : IClassFixture<AlwaysOpenHost>
{
    private readonly PageProblems _problems = new(output);

    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task A_patient_asks_for_a_callback_staff_join_and_reply_live_an_urgent_message_still_gets_the_crisis_resources_and_release_hands_back()
    {
        var knowledge = Host.Knowledge;
        var replies = knowledge.Replies;
        await Host.Factory.CreateUserAsync("kim", Roles.Staff);
        var patient = _problems.Watch(await Host.OpenPageAsync());
        await Expect(BotMessage(patient, Plain(replies[ReplyIds.Welcome].Text))).ToBeVisibleAsync();

        // The patient: a question without an answer, then the callback form.
        await SayAsync(patient, "Do you validate parking for the garage on Saturn?");
        await Expect(BotMessage(patient, Plain(replies[ReplyIds.NoAnswer].Text)), "the no-answer reply").ToBeVisibleAsync();
        await patient.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" })
            .GetByRole(AriaRole.Button, new() { Name = replies[ReplyIds.CallbackOffer].Text.Trim() }).ClickAsync();
        var form = patient.Locator(".webchat__basic-transcript"); // not Web Chat's copy for screen readers
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Your name", Exact = true }).FillAsync("Marisol Okonkwo-Hart");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Phone number", Exact = true }).FillAsync("913 555 0147");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "E-mail address", Exact = true }).FillAsync("marisol@example.org");
        await form.Locator("input[type=checkbox][aria-required=true]").CheckAsync();
        await form.Locator("button.ac-pushButton", new() { HasTextString = "Send my request" }).ClickAsync();
        await Expect(BotMessage(patient, Plain(replies[ReplyIds.CallbackConfirmed].Text)), "the confirmation").ToBeVisibleAsync();

        // Staff: the queue, the item with the contact details, joining the chat.
        var staff = await SignInAsync("kim");
        await staff.GotoAsync("/handoffs");
        await staff.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Open item") }).First.ClickAsync();
        await Expect(staff.GetByText("Marisol Okonkwo-Hart"), "the contact's name on the item page").ToBeVisibleAsync();
        await Expect(staff.GetByText("+19135550147"), "the number, normalised").ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Join the chat" }).ClickAsync();
        var joined = replies[ReplyIds.LiveJoined].Render("staff", "Kim (clinic staff)");
        await Expect(BotMessage(patient, Plain(joined)), "the patient told who joined").ToBeVisibleAsync();

        // A live reply, and an urgent message while staff are in the chat.
        await staff.GetByLabel("Your message to the patient").FillAsync("Hello Marisol, this is Kim. I can call you in five minutes.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(BotMessage(patient, "this is Kim. I can call you in five minutes."), "the staff member's reply").ToBeVisibleAsync();
        await SayAsync(patient, "thank you. honestly I want to end my life tonight");
        await Expect(BotMessage(patient, Plain(replies[ReplyIds.Urgent].Text)), "the crisis resources, at once").ToBeVisibleAsync();
        await Expect(staff.Locator("#chat"), "the patient's message on the staff page, refreshed by itself").ToContainTextAsync("end my life tonight");

        // Handing back: the bot answers again.
        await staff.GetByRole(AriaRole.Button, new() { Name = "Hand the chat back to the assistant" }).ClickAsync();
        await Expect(BotMessage(patient, Plain(replies[ReplyIds.LiveLeft].Render("staff", "Kim (clinic staff)"))), "the patient told the chat is back with the assistant").ToBeVisibleAsync();
        var snippet = knowledge.Snippets.First(s => s.IsServable(DateOnly.FromDateTime(DateTime.Now)) && s.Questions.Count > 0);
        await SayAsync(patient, snippet.Questions[0]);
        await Expect(BotMessage(patient, Plain(snippet.Body)), "the bot answering again").ToBeVisibleAsync();
        await patient.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "handoff-webchat.png") });
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "handoff-item.png"), FullPage = true });
        _problems.AssertNone();
    }

    private Task<IPage> SignInAsync(string name) => BrowserSteps.SignInAsync(Host, _problems, name);

    private static Task SayAsync(IPage page, string text) => BrowserSteps.SayAsync(page, text);

    /// <summary>The longest stretch of the text without characters that Markdown or typography
    /// changes when Web Chat renders it (quotes, apostrophes, emphasis, links).</summary>
    private static string Plain(string text) =>
        PlainRun().Matches(text).Select(m => m.Value.Trim()).MaxBy(r => r.Length) ?? text;

    [System.Text.RegularExpressions.GeneratedRegex("[A-Za-z0-9 ,.()]+")]
    private static partial System.Text.RegularExpressions.Regex PlainRun();

    private static ILocator BotMessage(IPage page, string text) => BrowserSteps.BotMessages(page, text).Last;
}
