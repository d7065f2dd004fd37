using System.Diagnostics;
using FaqBot.Storage.Accounts;
using FaqBot.Web.Knowledge;
using FaqBot.Web.Tests.Knowledge;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

/// <summary>The browser on a host serving a temporary copy of the knowledge folder.</summary>
public sealed class EditableKnowledgeHost : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faqbot-browser-knowledge", Guid.NewGuid().ToString("N"));

    public EditableKnowledgeHost()
    {
        KnowledgePath = Path.Combine(_root, "knowledge");
        WatchedKnowledge.Copy(Path.Combine(WatchedKnowledge.RepositoryRoot(), "knowledge"), KnowledgePath);
        Host = new BrowserHost(factory => factory.With("Knowledge:Path", KnowledgePath));
    }

    public string KnowledgePath { get; }

    public BrowserHost Host { get; }

    public Task InitializeAsync() => Host.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>A staff member edits a snippet, an invalid edit is refused, a clinician approves, and the
/// patient's Web Chat answers with the new text and its citation.</summary>
public sealed class KnowledgeEditingBrowserTests(EditableKnowledgeHost fixture, ITestOutputHelper output) : IClassFixture<EditableKnowledgeHost>
{
    private const string Question = "Can I drive myself home after my infusion?";
    private const string OldText = "Please plan for someone else to drive you home.";
    private const string NewText = "Ask a friend or family member to drive you home after every infusion";
    private const string CitationMarker = ".webchat__render-markdown__citation";

    private readonly PageProblems _problems = new(output);

    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task An_approved_edit_reaches_Web_Chat_and_an_invalid_edit_is_refused_while_patients_keep_the_last_good_answer()
    {
        await Host.Factory.CreateUserAsync("browser-editor", Roles.Staff);
        await Host.Factory.CreateUserAsync("browser-clinician", Roles.Clinician);
        var patient = _problems.Watch(await Host.OpenPageAsync());
        await AskAsync(patient, Question);
        await Expect(BotMessage(patient, OldText), "the served answer before the edit").ToBeVisibleAsync();

        // Staff: a valid edit is saved as a draft.
        var editor = await SignInAsync("browser-editor");
        await editor.GotoAsync(KnowledgeRoutes.Snippet("getting-home"));
        await editor.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await editor.GetByLabel("Answer (exactly what patients read)").FillAsync(NewText + ", and do not drive a car or operate heavy machinery for the rest of the day.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Draft version 2 of 'getting-home' saved");

        // Staff: an invalid edit (a quote that is not in the source) is refused with the reason (422).
        _problems.Expect(422, KnowledgeRoutes.Edit("getting-home"));
        await editor.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await editor.GetByLabel("Quote (copied word for word from the document)").FillAsync("Patients may always drive themselves home.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        var refusal = editor.GetByRole(AriaRole.Alert);
        await Expect(refusal).ToContainTextAsync("Nothing was saved");
        await Expect(refusal).ToContainTextAsync("does not occur verbatim in source");
        await AskAsync(patient, Question);
        await Expect(BotMessage(patient, OldText), "the last good answer after the refused edit").ToHaveCountAsync(2);
        await Expect(BotMessage(patient, NewText), "no unapproved text").ToHaveCountAsync(0);

        // Clinician: approves the draft; the patient's next question gets the new text with its citation.
        var clinician = await SignInAsync("browser-clinician");
        await clinician.GotoAsync(KnowledgeRoutes.Snippet("getting-home"));
        await Expect(clinician.Locator("#draft")).ToContainTextAsync(NewText);
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Approve version 2" }).ClickAsync();
        await Expect(clinician.GetByRole(AriaRole.Status)).ToContainTextAsync("patients are served it now");
        var clock = Stopwatch.StartNew();
        await AskAsync(patient, Question);
        var answer = BotMessage(patient, NewText);
        await Expect(answer, "the approved text in Web Chat").ToBeVisibleAsync();
        output.WriteLine($"approved text shown in Web Chat {clock.ElapsedMilliseconds} ms after the approval (question typed and sent within it)");
        await Expect(answer.Locator(CitationMarker).First, "its citation").ToBeVisibleAsync();
        await patient.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "knowledge-approved-webchat.png") });
        await clinician.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "knowledge-approved.png"), FullPage = true });

        _problems.AssertNone();
    }

    private Task<IPage> SignInAsync(string name) => BrowserSteps.SignInAsync(Host, _problems, name);

    private static Task AskAsync(IPage page, string text) => BrowserSteps.SayAsync(page, text);

    private static ILocator BotMessage(IPage page, string text) => BrowserSteps.BotMessages(page, text);
}
