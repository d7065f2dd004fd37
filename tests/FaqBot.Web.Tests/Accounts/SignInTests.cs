using System.Net;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Web.Accounts;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Web.Tests.Accounts;

/// <summary>The sign-in form, the staff cookie, lockout, antiforgery, return addresses and sign-out.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly FaqBotFactory _factory;

    public SignInTests() =>
        _factory = new FaqBotFactory().WithServices(services => services.AddSingleton<TimeProvider>(_clock));

    [Fact]
    public async Task The_right_password_signs_in_with_a_strict_http_only_cookie_and_lands_on_the_account_page()
    {
        await _factory.CreateUserAsync("Alice", Roles.Reviewer);
        var client = _factory.CreateBrowserLikeClient();

        var response = await client.SignInAsync("alice", StaffSession.Password);
        var home = await client.GetAsync(StaffRoutes.Home);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(StaffRoutes.Home, response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StaffAccounts.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie.Replace("samesite=strict", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Signed in as Alice", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entry = (await _factory.AuditAsync())[0];
        Assert.Equal(("Alice", AuditActions.SignIn), (entry.Actor, entry.Action));
    }

    [Fact]
    public async Task Over_https_the_cookie_is_secure_and_it_slides_over_eight_hours()
    {
        await _factory.CreateUserAsync("alice", Roles.Reviewer);
        var client = _factory.CreateBrowserLikeClient(new Uri("https://localhost"));

        var response = await client.SignInAsync("alice", StaffSession.Password);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StaffAccounts.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        var options = _factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        Assert.Equal((TimeSpan.FromHours(8), true), (options.ExpireTimeSpan, options.SlidingExpiration));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_name_fail_alike_and_are_audited()
    {
        await _factory.CreateUserAsync("alice", Roles.Reviewer);
        var client = _factory.CreateBrowserLikeClient();

        var wrong = await client.SignInAsync("alice", "not the password at all");
        var unknown = await client.SignInAsync("nobody", "not the password at all");
        var home = await client.GetAsync(StaffRoutes.Home);

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.False(wrong.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(StaffAccounts.CookieName + "=", StringComparison.Ordinal)));
        Assert.Equal(ErrorOf(await wrong.Content.ReadAsStringAsync()), ErrorOf(await unknown.Content.ReadAsStringAsync()));
        Assert.Contains("Wrong name or password", ErrorOf(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        var audit = await _factory.AuditAsync(new AuditQuery(Action: AuditActions.SignInFailed));
        Assert.Equal(["nobody", "alice"], audit.Select(e => e.Actor));
    }

    [Fact]
    public async Task Five_failures_lock_that_address_out_even_against_the_right_password_until_fifteen_minutes_pass()
    {
        await _factory.CreateUserAsync("alice", Roles.Reviewer);
        var client = _factory.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync("alice", "wrong password " + i);
        }

        var locked = await client.SignInAsync("alice", StaffSession.Password);
        _clock.Advance(TimeSpan.FromMinutes(15));
        var later = await client.SignInAsync("alice", StaffSession.Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("Wrong name or password", ErrorOf(await locked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        var lockouts = await _factory.AuditAsync(new AuditQuery(Action: AuditActions.SignInLockedOut));
        Assert.Equal(2, lockouts.Count); // the fifth failure, then the right password while locked
    }

    [Fact]
    public async Task Posting_the_sign_in_form_without_the_antiforgery_token_is_refused_with_400()
    {
        await _factory.CreateUserAsync("alice", Roles.Reviewer);
        var client = _factory.CreateBrowserLikeClient();
        await client.GetAsync(StaffSession.SignInPath); // the antiforgery cookie alone is not enough

        var response = await client.PostAsync(StaffSession.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "alice",
            ["Password"] = StaffSession.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _factory.AuditAsync());
    }

    [Fact]
    public async Task Signing_out_needs_a_post_with_the_token_and_ends_the_session()
    {
        var client = await _factory.SignedInClientAsync(Roles.Reviewer, "alice");

        var withoutToken = await client.PostAsync(StaffRoutes.SignOut, new FormUrlEncodedContent([]));
        var get = await client.GetAsync(StaffRoutes.SignOut);
        var stillIn = await client.GetAsync(StaffRoutes.Home);
        var signOut = await client.PostFormAsync(StaffRoutes.Home, StaffRoutes.SignOut, new Dictionary<string, string>());
        var after = await client.GetAsync(StaffRoutes.Home);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(StaffRoutes.SignIn, signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(("alice", AuditActions.SignOut), ((await _factory.AuditAsync())[0].Actor, (await _factory.AuditAsync())[0].Action));
    }

    [Fact]
    public async Task A_session_in_use_slides_on_the_server_with_its_cookie_and_one_left_alone_ends_after_eight_hours()
    {
        await _factory.CreateUserAsync("alice", Roles.Reviewer);
        var busy = _factory.CreateBrowserLikeClient();
        var idle = _factory.CreateBrowserLikeClient();
        await busy.SignInAsync("alice", StaffSession.Password);
        await idle.SignInAsync("alice", StaffSession.Password);

        _clock.Advance(TimeSpan.FromHours(5));
        var renewed = await busy.GetAsync(StaffRoutes.Home);
        _clock.Advance(TimeSpan.FromHours(4));
        var stillIn = await busy.GetAsync(StaffRoutes.Home);
        var idleAfterNine = await idle.GetAsync(StaffRoutes.Home);

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.NotNull(StaffSession.CookieOf(renewed)); // the sliding renewal
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idleAfterNine.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("http:evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_address_off_this_site_is_ignored(string returnUrl)
    {
        await _factory.CreateUserAsync("alice", Roles.Admin);

        var response = await _factory.CreateBrowserLikeClient().SignInAsync("alice", StaffSession.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(StaffRoutes.Home, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_local_return_address_is_followed_after_signing_in()
    {
        await _factory.CreateUserAsync("alice", Roles.Admin);
        var client = _factory.CreateBrowserLikeClient();
        var challenge = await client.GetAsync("/admin/audit?actor=bob");
        var returnUrl = System.Web.HttpUtility.ParseQueryString(new Uri(client.BaseAddress!, challenge.Headers.Location!).Query)["returnUrl"]!;

        var response = await client.SignInAsync("alice", StaffSession.Password, returnUrl);

        Assert.Equal("/admin/audit?actor=bob", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_removed_account_a_new_password_or_a_new_role_ends_open_sessions()
    {
        var admin = await _factory.SignedInClientAsync(Roles.Admin, "root");
        var removed = await _factory.SignedInClientAsync(Roles.Reviewer, "gone");
        var reset = await _factory.SignedInClientAsync(Roles.Reviewer, "reset");
        var promoted = await _factory.SignedInClientAsync(Roles.Reviewer, "promoted");
        var store = _factory.Services.GetRequiredService<AccountStore>();
        Assert.Equal(HttpStatusCode.Forbidden, (await promoted.GetAsync(StaffRoutes.Users)).StatusCode);

        await store.RemoveAsync("gone", CancellationToken.None);
        await store.SetPasswordAsync("reset", "a different passphrase", CancellationToken.None);
        await store.SetRoleAsync("promoted", Roles.Admin, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Redirect, (await removed.GetAsync(StaffRoutes.Home)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reset.GetAsync(StaffRoutes.Home)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await promoted.GetAsync(StaffRoutes.Users)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(StaffRoutes.Users)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_posts_are_rate_limited_per_address()
    {
        await using var factory = new FaqBotFactory().With("RateLimits:SignInsPerMinute", "3");
        var client = factory.CreateBrowserLikeClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SignInAsync("nobody", "wrong password")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(StaffSession.SignInPath)).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static string ErrorOf(string html)
    {
        var start = html.IndexOf("role=\"alert\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no error shown");
        return html[(start + 13)..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }
}
