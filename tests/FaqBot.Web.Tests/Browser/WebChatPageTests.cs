using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FaqBot.Core.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

/// <summary>The clinic page in a real browser: Web Chat 4.18 from the output folder, talking to the
/// host's Direct Line endpoints over HTTP polling on a loopback port. Expected texts come from the
/// served knowledge; the Web Chat selectors are its own class names and test ids.</summary>
public sealed partial class WebChatPageTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    /// <summary>A message's bubble as the bot's side renders it (the user's carry <c>--from-user</c>).</summary>
    private const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";

    private const string UserBubble = ".webchat__bubble--from-user";

    private const string SendBox = "[data-id='webchat-sendbox-input']";

    /// <summary>The status under a user's message while it is sending and after sending failed
    /// ("Send failed. Retry."): gone once the server echoed the activity.</summary>
    private const string SendingStatus = ".webchat__activity-status--sending";

    private const string SuggestedAction = ".webchat__suggested-actions .webchat__suggested-action";

    /// <summary>An inline citation marker (<c>[1]</c> in the text) and the reference list built
    /// from the Markdown link definitions and the schema.org Message entity's claims.</summary>
    private const string CitationMarker = ".webchat__render-markdown__citation";

    private const string References = "details.webchat__link-definitions";

    private const string ReferenceText = ".webchat__link-definitions__list-item-text";

    /// <summary>One reference: a link when the source has a URL, else a button opening the citation dialog.</summary>
    private const string ReferenceBox = ".webchat__link-definitions__list-item-box";

    private const string CitationDialog = ".webchat__citation-modal-dialog";

    /// <summary>Script errors, console errors and failed HTTP calls of this test's page.</summary>
    private readonly PageProblems _problems = new(output);

    [Fact]
    public async Task The_page_welcomes_answers_a_typed_question_with_its_cited_source_and_a_suggested_action_leads_to_that_snippet()
    {
        var knowledge = host.Knowledge;
        var today = DateOnly.FromDateTime(DateTime.Now);
        var snippet = knowledge.Snippets.First(s => s.IsServable(today) && s.Tags.Count > 0);
        var source = knowledge.Sources[snippet.Source.DocumentId];
        var clock = Stopwatch.StartNew();
        var page = await OpenAsync();

        await Expect(BotMessage(page, knowledge.Replies[ReplyIds.Welcome].Text), "the welcome message").ToBeVisibleAsync();
        output.WriteLine($"welcome shown {clock.ElapsedMilliseconds} ms after opening the page");

        await SayAsync(page, snippet.Questions[0]);
        var answer = BotMessage(page, snippet.Body);
        await ExpectPromptReplyAsync(page, answer, $"the answer of {snippet.Id}");

        await Expect(answer.Locator(CitationMarker).First, "an inline citation marker").ToBeVisibleAsync();
        var cited = snippet.AllSources.Select(s => s.DocumentId).Distinct().ToList();
        await Expect(answer.Locator(CitationMarker), "one marker per cited source document").ToHaveCountAsync(cited.Count);
        for (var i = 0; i < cited.Count; i++)
        {
            await Expect(answer.Locator(CitationMarker).Nth(i), $"marker {i + 1} names its own source").ToHaveAttributeAsync(
                "aria-label", new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(knowledge.Sources[cited[i]].Title)));
        }

        var references = answer.Locator(References);
        await Expect(references, "the reference list").ToBeVisibleAsync();
        if (await references.GetAttributeAsync("open") is null)
        {
            await references.Locator("summary").ClickAsync();
        }

        var primary = references.Locator(ReferenceText).First;
        await Expect(primary, "the first reference names the snippet's source document").ToContainTextAsync(source.Title);
        await Expect(primary).ToBeVisibleAsync();
        var suggestions = page.Locator(SuggestedAction);
        await Expect(suggestions.First, "suggested actions below the answer").ToBeVisibleAsync();
        await ExpectEverythingSentAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath(), FullPage = true });

        var reference = references.Locator(ReferenceBox).First;
        if (Uri.IsWellFormedUriString(source.Url, UriKind.Absolute))
        {
            await Expect(reference, "the reference links to the source").ToHaveAttributeAsync("href", source.Url!);
        }
        else
        {
            // A citation without a URL is a button opening a dialog with the claim's text, which names the snippet.
            await reference.ClickAsync();
            var dialog = page.Locator(CitationDialog);
            await Expect(dialog, "the citation dialog").ToBeVisibleAsync();
            await Expect(dialog).ToContainTextAsync(snippet.Id);
            await page.Keyboard.PressAsync("Escape");
            await Expect(dialog).ToBeHiddenAsync();
        }

        var chosen = (await suggestions.First.InnerTextAsync()).Trim();
        var target = knowledge.Snippets.Single(s => s.Title == chosen);
        await suggestions.First.ClickAsync();

        await Expect(page.Locator(UserBubble).Filter(new LocatorFilterOptions { HasTextString = chosen }), "the suggested action sent as the user's message").ToBeVisibleAsync();
        await ExpectPromptReplyAsync(page, BotMessage(page, target.Body), $"the answer of {target.Id}");
        await ExpectEverythingSentAsync(page);
        ExpectNoErrors();
    }

    [Fact]
    public async Task An_urgent_message_typed_in_the_page_shows_the_crisis_resources()
    {
        var urgent = host.Knowledge.Replies[ReplyIds.Urgent].Text;
        var clinic = host.Clinic;
        var page = await OpenAsync();
        await Expect(BotMessage(page, host.Knowledge.Replies[ReplyIds.Welcome].Text), "the welcome message").ToBeVisibleAsync();

        await SayAsync(page, "I don't want to live anymore");

        var reply = BotMessage(page, urgent);
        await ExpectPromptReplyAsync(page, reply, "the urgent reply");
        var numbers = new[] { clinic.EmergencyNumber, clinic.CrisisLine };
        var resources = Bold().Matches(urgent).Select(m => m.Groups[1].Value).Where(b => numbers.Any(n => b.Contains(n, StringComparison.Ordinal))).ToList();
        Assert.All(numbers, n => Assert.Contains(resources, r => r.Contains(n, StringComparison.Ordinal)));
        foreach (var resource in resources)
        {
            await Expect(reply.Locator("strong").Filter(new LocatorFilterOptions { HasTextRegex = Pattern(resource, int.MaxValue) }), $"'{resource}' in bold").ToBeVisibleAsync();
        }

        await ExpectEverythingSentAsync(page);
        ExpectNoErrors();
    }

    /// <summary>A follow-up that cannot be answered alone is read with the conversation's last
    /// question: asked alone it gets no answer, asked after "what should I bring" in the same chat
    /// it gets that snippet.</summary>
    [Fact]
    public async Task A_follow_up_in_the_same_chat_is_answered_with_the_earlier_question()
    {
        var answerer = host.Factory.Services.GetRequiredService<FaqBot.Core.Answering.Answerer>();
        var alone = await answerer.AskAsync("is a pillow ok?");
        var bring = host.Knowledge.Snippets.Single(s => s.Id == "what-to-bring");
        var page = await OpenAsync();
        await Expect(BotMessage(page, host.Knowledge.Replies[ReplyIds.Welcome].Text), "the welcome message").ToBeVisibleAsync();

        await SayAsync(page, "what should I bring to my appointment");
        await ExpectPromptReplyAsync(page, BotMessage(page, bring.Body), "the answer of what-to-bring");
        await SayAsync(page, "is a pillow ok?");

        Assert.NotEqual(FaqBot.Core.Answering.AnswerOutcome.Answered, alone.Outcome);
        await Expect(BotMessage(page, bring.Body), "the follow-up answered from the same snippet")
            .ToHaveCountAsync(2, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        await ExpectEverythingSentAsync(page);
        ExpectNoErrors();
    }

    /// <summary>Opens the page, recording what went wrong in it; other warnings are only written out.</summary>
    private async Task<IPage> OpenAsync() => _problems.Watch(await host.OpenPageAsync());

    private void ExpectNoErrors() => _problems.AssertNone();

    private static async Task SayAsync(IPage page, string text)
    {
        var box = page.Locator(SendBox);
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await Expect(page.Locator(UserBubble).Filter(new LocatorFilterOptions { HasTextString = text }), "the user's message in the transcript").ToBeVisibleAsync();
    }

    /// <summary>The reply shows soon after the user's message was echoed. Web Chat holds back a bot
    /// message whose <c>replyToId</c> is not (yet) in the transcript for 5 s, so a slower reply
    /// means the reply does not point at the id the server echoed.</summary>
    private async Task ExpectPromptReplyAsync(IPage page, ILocator reply, string what)
    {
        await Expect(page.Locator(SendingStatus), "the user's message echoed by the server (still \"Sending\", or \"Send failed\")").ToHaveCountAsync(0);
        var clock = Stopwatch.StartNew();
        await Expect(reply, what).ToBeVisibleAsync();
        output.WriteLine($"{what}: shown {clock.ElapsedMilliseconds} ms after the echo");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"{what} showed {clock.Elapsed.TotalSeconds:0.0} s after the echo: Web Chat held it back (replyToId not matching the echoed id?)");
    }

    /// <summary>Every message the user sent was echoed by the server: none still "Sending", none "Send failed".</summary>
    private static async Task ExpectEverythingSentAsync(IPage page)
    {
        await Expect(page.Locator(SendingStatus), "messages still sending or failed").ToHaveCountAsync(0);
        await Expect(page.GetByText("Send failed"), "Web Chat's \"Send failed\"").ToHaveCountAsync(0);
    }

    /// <summary>The bot's bubble showing the start of <paramref name="markdown"/> as rendered text.</summary>
    private static ILocator BotMessage(IPage page, string markdown) =>
        page.Locator(BotBubble).Filter(new LocatorFilterOptions { HasTextRegex = Pattern(markdown, 80) });

    /// <summary>A pattern for the first words (up to about <paramref name="length"/> characters) of
    /// Markdown text as a browser shows it: without emphasis or link syntax, with any whitespace
    /// between words and typographic or straight quotes.</summary>
    private static Regex Pattern(string markdown, int length)
    {
        var paragraph = markdown.Trim().Split("\n\n")[0];
        var plain = Whitespace().Replace(MarkdownLink().Replace(paragraph, "$1").Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal), " ").Trim();
        if (plain.Length > length)
        {
            var cut = plain.LastIndexOf(' ', length);
            plain = plain[..(cut > 0 ? cut : length)];
        }

        var pattern = new StringBuilder();
        foreach (var word in plain.Split(' '))
        {
            pattern.Append(pattern.Length == 0 ? "" : @"\s+");
            pattern.Append(Regex.Escape(word).Replace("'", "['\u2019]", StringComparison.Ordinal).Replace("\"", "[\"\u201C\u201D]", StringComparison.Ordinal));
        }

        return new Regex(pattern.ToString());
    }

    /// <summary>The test output folder; with <c>FAQBOT_UPDATE_SCREENSHOT=1</c>, <c>docs/webchat.png</c>
    /// in the repository (the folder holding FaqBot.sln), the picture the README shows.</summary>
    private static string ScreenshotPath()
    {
        if (Environment.GetEnvironmentVariable("FAQBOT_UPDATE_SCREENSHOT") != "1")
        {
            return Path.Combine(AppContext.BaseDirectory, "webchat.png");
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FaqBot.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, $"No FaqBot.sln above {AppContext.BaseDirectory}.");
        return Path.Combine(directory.FullName, "docs", "webchat.png");
    }

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
