using System.Net;
using FaqBot.Storage.Accounts;
using FaqBot.Web.Accounts;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Accounts;

/// <summary>A staff cookie is only as good as its session on the server: a copy replayed after
/// sign-out, a new password, a new role or the account's removal opens nothing.</summary>
public sealed class SessionRevocationTests : IAsyncDisposable
{
    private readonly FaqBotFactory _factory;

    public SessionRevocationTests() => _factory = new FaqBotFactory();

    private AccountStore Store => _factory.Services.GetRequiredService<AccountStore>();

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused()
    {
        await _factory.CreateUserAsync("alice", Roles.Reviewer);
        var browser = _factory.CreateBrowserLikeClient();
        var cookie = await browser.StaffCookieAsync("alice");
        var before = await _factory.ReplayAsync(cookie, StaffRoutes.Review);

        var signOut = await browser.PostFormAsync(StaffRoutes.Home, StaffRoutes.SignOut, new Dictionary<string, string>());
        var replayed = await _factory.ReplayAsync(cookie, StaffRoutes.Review);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        AssertSentToSignIn(replayed);
    }

    [Fact]
    public async Task Signing_out_ends_only_that_session()
    {
        await _factory.CreateUserAsync("alice", Roles.Reviewer);
        var laptop = _factory.CreateBrowserLikeClient();
        var phone = _factory.CreateBrowserLikeClient();
        await laptop.StaffCookieAsync("alice");
        var phoneCookie = await phone.StaffCookieAsync("alice");

        await laptop.PostFormAsync(StaffRoutes.Home, StaffRoutes.SignOut, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, (await _factory.ReplayAsync(phoneCookie, StaffRoutes.Review)).StatusCode);
    }

    [Fact]
    public async Task A_cookie_replayed_after_a_new_password_a_new_role_or_removal_is_refused()
    {
        await _factory.CreateUserAsync("root", Roles.Admin);
        foreach (var name in new[] { "reset", "promoted", "gone" })
        {
            await _factory.CreateUserAsync(name, Roles.Reviewer);
        }

        var reset = await _factory.CreateBrowserLikeClient().StaffCookieAsync("reset");
        var promoted = await _factory.CreateBrowserLikeClient().StaffCookieAsync("promoted");
        var gone = await _factory.CreateBrowserLikeClient().StaffCookieAsync("gone");
        Assert.Equal(HttpStatusCode.OK, (await _factory.ReplayAsync(promoted, StaffRoutes.Review)).StatusCode);

        await Store.SetPasswordAsync("reset", "a different passphrase", CancellationToken.None);
        await Store.SetRoleAsync("promoted", Roles.Admin, CancellationToken.None);
        await Store.RemoveAsync("gone", CancellationToken.None);

        AssertSentToSignIn(await _factory.ReplayAsync(reset, StaffRoutes.Review));
        AssertSentToSignIn(await _factory.ReplayAsync(promoted, StaffRoutes.Review));
        AssertSentToSignIn(await _factory.ReplayAsync(promoted, StaffRoutes.Users));
        AssertSentToSignIn(await _factory.ReplayAsync(gone, StaffRoutes.Review));
    }

    [Fact]
    public async Task After_a_role_change_the_member_signs_in_again_and_gets_the_new_role()
    {
        await _factory.CreateUserAsync("promoted", Roles.Reviewer);
        var browser = _factory.CreateBrowserLikeClient();
        await browser.StaffCookieAsync("promoted");

        await Store.SetRoleAsync("promoted", Roles.Admin, CancellationToken.None);
        var signedOut = await browser.GetAsync(StaffRoutes.Users);
        await browser.SignInAsync("promoted", StaffSession.Password);

        AssertSentToSignIn(signedOut);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(StaffRoutes.Users)).StatusCode);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(StaffRoutes.SignIn, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
