using System.Text.RegularExpressions;
using FaqBot.Core.Replies;
using FaqBot.Web.Tests.Generation;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

/// <summary>The browser host with its chat model pointed at a fake OpenAI-compatible server on
/// loopback that words the getting-home answer faithfully, or, when asked about arrival times,
/// changes a number (so the verifier refuses it).</summary>
public sealed class GeneratingHost : IAsyncLifetime
{
    public FakeOpenAIServer Model { get; private set; } = null!;

    public BrowserHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Model = await FakeOpenAIServer.StartAsync();
        Model.Reply = request => request.System.Contains("Getting home after an infusion", StringComparison.Ordinal)
            && request.User.Contains("drive", StringComparison.OrdinalIgnoreCase)
                ? "Please plan for someone else to drive you home [1]. You should not drive a car or operate heavy machinery for the rest of the day [1]."
                : "Please arrive about three hours before your appointment [1].";
        Host = new BrowserHost(factory => factory
            .With("Ai:Provider", "OpenAICompatible")
            .With("Ai:BaseUrl", Model.BaseUrl)
            .With("Ai:ChatModel", GenerationHosts.ChatModel)
            .With("Ai:SafetyClassifier", "false"));
        await Host.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Model.DisposeAsync();
    }
}

public sealed class GeneratedAnswerBrowserTests(GeneratingHost fixture, ITestOutputHelper output) : IClassFixture<GeneratingHost>
{
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";

    private const string SendBox = "[data-id='webchat-sendbox-input']";

    private const string CitationMarker = ".webchat__render-markdown__citation";

    private readonly PageProblems _problems = new(output);

    [Fact]
    public async Task Web_Chat_shows_a_verified_generated_answer_with_its_citations_and_the_AI_generated_label_and_a_refused_one_as_the_approved_answer()
    {
        var knowledge = fixture.Host.Knowledge;
        // Web Chat's Markdown turns straight apostrophes into typographic ones.
        var label = new Regex(Regex.Escape(knowledge.Replies[ReplyIds.AiGenerated].Text.Trim('*')).Replace("'", "['’]", StringComparison.Ordinal));
        var page = _problems.Watch(await fixture.Host.OpenPageAsync());
        await Expect(page.Locator(BotBubble).First, "the welcome message").ToBeVisibleAsync();

        await SayAsync(page, "Can I drive myself home after my infusion?");
        var generated = page.Locator(BotBubble).Filter(new LocatorFilterOptions { HasTextString = "You should not drive a car or operate heavy machinery for the rest of the day" });
        await Expect(generated, "the generated answer").ToBeVisibleAsync();
        await Expect(generated, "the AI-generated label under it").ToContainTextAsync(label);
        await Expect(generated.Locator("em"), "the label set apart in italics").ToContainTextAsync(label);
        await Expect(generated.Locator(CitationMarker), "a citation marker on each sentence").ToHaveCountAsync(2);

        var arrival = knowledge.Snippets.Single(s => s.Id == "arrival-and-paperwork");
        await SayAsync(page, arrival.Questions[0]);
        var extractive = page.Locator(BotBubble).Filter(new LocatorFilterOptions { HasTextRegex = new Regex(Regex.Escape(arrival.Body.Trim()[..40])) });
        await Expect(extractive, "the approved answer instead of the refused wording").ToBeVisibleAsync();
        await Expect(extractive, "no AI label on the approved answer").Not.ToContainTextAsync(label);
        await Expect(page.Locator(BotBubble).Filter(new LocatorFilterOptions { HasTextString = "three hours" }), "the refused wording is never shown").ToHaveCountAsync(0);
        _problems.AssertNone();
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var box = page.Locator(SendBox);
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }
}
