using FaqBot.Web.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

/// <summary>What the browser tests do again and again: sign a staff member in, type into Web Chat,
/// find the bot's messages. The selectors are Web Chat's own class names and test ids.</summary>
internal static class BrowserSteps
{
    public const string BotBubble = ".webchat__bubble:not(.webchat__bubble--from-user)";
    public const string UserBubble = ".webchat__bubble--from-user";
    public const string SendBox = "[data-id='webchat-sendbox-input']";

    /// <summary>A fresh browser context signed in as <paramref name="name"/> (the account exists).</summary>
    public static async Task<IPage> SignInAsync(BrowserHost host, PageProblems problems, string name)
    {
        var page = problems.Watch(await host.NewPageAsync());
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(StaffSession.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Types a message into Web Chat and waits until it shows as sent by the user.</summary>
    public static async Task SayAsync(IPage page, string text)
    {
        var before = await page.Locator(UserBubble).CountAsync();
        var box = page.Locator(SendBox);
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await Expect(page.Locator(UserBubble)).ToHaveCountAsync(before + 1);
    }

    /// <summary>The bot's messages holding <paramref name="text"/>.</summary>
    public static ILocator BotMessages(IPage page, string text) =>
        page.Locator(BotBubble).Filter(new LocatorFilterOptions { HasTextString = text });
}
