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
    private readonly List<string> _errors = [];

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

        lock (_errors)
        {
            Assert.True(_errors.Count == 0, "The pages had errors:\n" + string.Join("\n", _errors));
        }
    }

    private async Task<IPage> OpenAsync()
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "en-US" });
        context.SetDefaultTimeout(BrowserHost.Timeout);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Record($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Record($"HTTP {response.Status} {response.Request.Method} {response.Url}");
            }
        };
        return page;
    }

    private void Record(string error)
    {
        output.WriteLine(error);
        lock (_errors)
        {
            _errors.Add(error);
        }
    }
}
