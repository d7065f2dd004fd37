using System.Net;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Web.Accounts;
using FaqBot.Web.Tests.TestSupport;

namespace FaqBot.Web.Tests.Accounts;

/// <summary>Failed sign-ins lock out the address they come from, not the account: an outsider who
/// posts wrong passwords for a staff member's name locks out only themselves.</summary>
public sealed class SignInLockoutTests : IAsyncDisposable
{
    private const string Outsider = "203.0.113.66";
    private const string Clinic = "192.0.2.10";

    private readonly FaqBotFactory _factory;

    public SignInLockoutTests() => _factory = new FaqBotFactory().WithClientAddresses();

    [Fact]
    public async Task Wrong_passwords_from_an_outsider_do_not_lock_the_staff_member_out()
    {
        await _factory.CreateUserAsync("alice", Roles.Reviewer);
        var outsider = _factory.CreateBrowserLikeClient().From(Outsider);
        for (var i = 0; i < 10; i++)
        {
            await outsider.SignInAsync("alice", "a guess " + i);
        }

        var outsiderWithThePassword = await outsider.SignInAsync("alice", StaffSession.Password);
        var alice = await _factory.CreateBrowserLikeClient().From(Clinic).SignInAsync("alice", StaffSession.Password);

        Assert.Equal(HttpStatusCode.OK, outsiderWithThePassword.StatusCode); // the form again: still locked out
        Assert.Null(StaffSession.CookieOf(outsiderWithThePassword));
        Assert.Equal(HttpStatusCode.Redirect, alice.StatusCode);
        Assert.NotNull(StaffSession.CookieOf(alice));
        var lockouts = await _factory.AuditAsync(new AuditQuery(Action: AuditActions.SignInLockedOut));
        Assert.All(lockouts, e => Assert.Contains("from " + Outsider, e.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Addresses_in_one_ipv6_block_count_as_one_client()
    {
        await _factory.CreateUserAsync("alice", Roles.Reviewer);
        for (var i = 0; i < 5; i++)
        {
            await _factory.CreateBrowserLikeClient().From($"2001:db8:1:2::{i + 1:x}").SignInAsync("alice", "a guess " + i);
        }

        var sameBlock = await _factory.CreateBrowserLikeClient().From("2001:db8:1:2::ffff").SignInAsync("alice", StaffSession.Password);
        var otherBlock = await _factory.CreateBrowserLikeClient().From("2001:db8:1:3::1").SignInAsync("alice", StaffSession.Password);

        Assert.Equal(HttpStatusCode.OK, sameBlock.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, otherBlock.StatusCode);
    }

    [Fact]
    public void A_client_is_an_ipv4_address_or_an_ipv6_block()
    {
        Assert.Equal("192.0.2.1", SignInClient.Key(IPAddress.Parse("192.0.2.1")));
        Assert.Equal("192.0.2.1", SignInClient.Key(IPAddress.Parse("::ffff:192.0.2.1")));
        Assert.Equal("2001:db8:1:2::/64", SignInClient.Key(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        Assert.Equal("unknown", SignInClient.Key((IPAddress?)null));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
