using FaqBot.Storage.Accounts;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace FaqBot.Web.Tests.Browser;

/// <summary>The staff pages in a real browser under the host's Content-Security-Policy: sign in
/// from a protected page, add an account, read the audit log, sign out. Any console error (a CSP
/// violation among them) or failed request fails the test.</summary>
public sealed class StaffPagesTests(BrowserHost host, ITestOutputHelper output) : IClassFixture<BrowserHost>
{
    private readonly PageProblems _problems = new(output, warningsCount: true);

    [Fact]
    public async Task An_admin_signs_in_from_a_protected_page_adds_an_account_reads_the_audit_log_and_signs_out()
    {
        await host.Factory.CreateUserAsync("browser-admin", Roles.Admin);
        var page = await OpenAsync();

        await page.GotoAsync("/admin/users");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signin\\?returnUrl=%2Fadmin%2Fusers$"));
        await page.GetByLabel("Name").FillAsync("browser-admin");
        await page.GetByLabel("Password").FillAsync(StaffSession.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff accounts" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Staff pages" }).GetByRole(AriaRole.Link, new() { Name = "Audit" })).ToBeVisibleAsync();
        var add = page.Locator("form[action*='handler=Add']");
        await add.GetByLabel("Name").FillAsync("new-reviewer");
        await add.GetByLabel("Role").SelectOptionAsync(Roles.Reviewer);
        await add.GetByLabel("First password").FillAsync("a first password for them");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Added new-reviewer (reviewer).");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "staff-users.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "user.add" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "staff-audit.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Staff sign-in" })).ToBeVisibleAsync();

        _problems.AssertNone();
    }

    private async Task<IPage> OpenAsync() => _problems.Watch(await host.NewPageAsync());
}
