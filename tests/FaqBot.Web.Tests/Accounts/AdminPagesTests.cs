using System.Net;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Web.Accounts;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Accounts;

/// <summary>/admin/users and /admin/audit as an admin uses them, and what they refuse.</summary>
public sealed class AdminPagesTests : IAsyncLifetime, IDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";

    private readonly FaqBotFactory _factory;
    private HttpClient _admin = null!;

    public AdminPagesTests() => _factory = new FaqBotFactory();

    private AccountStore Store => _factory.Services.GetRequiredService<AccountStore>();

    public async Task InitializeAsync() => _admin = await _factory.SignedInClientAsync(Roles.Admin, "root");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _admin.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task An_admin_adds_an_account_with_its_role_and_first_password_and_the_addition_is_audited()
    {
        var response = await PostUsersAsync("Add", "newbie", Roles.Staff, "a first password for newbie");
        var page = await _admin.GetStringAsync(StaffRoutes.Users);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Added newbie (staff).", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"wrap\">newbie</td>", page, StringComparison.Ordinal);
        Assert.True((await Store.SignInAsync("newbie", "a first password for newbie", "192.0.2.1", CancellationToken.None)).Succeeded);
        var entry = (await _factory.AuditAsync(new AuditQuery(Action: AuditActions.UserAdd)))[0];
        Assert.Equal(("root", "newbie", "role staff"), (entry.Actor, entry.Target, entry.Detail));
    }

    [Fact]
    public async Task An_admin_changes_a_role_sets_a_password_and_removes_an_account_each_audited_with_their_name()
    {
        await _factory.CreateUserAsync("alice", Roles.Reviewer);

        var role = await PostUsersAsync("Role", "alice", Roles.Clinician);
        var password = await PostUsersAsync("Password", "alice", password: "a password the admin set");
        var signIn = await Store.SignInAsync("alice", "a password the admin set", "192.0.2.1", CancellationToken.None);
        var remove = await PostUsersAsync("Remove", "alice");

        Assert.All([role, password, remove], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(Roles.Clinician, signIn.Role);
        Assert.Null(await Store.FindAsync("alice", CancellationToken.None));
        var audit = (await _factory.AuditAsync(new AuditQuery(Actor: "root"))).Where(e => e.Target == "alice").Reverse().ToList();
        Assert.Equal([AuditActions.UserRole, AuditActions.UserPassword, AuditActions.UserRemove], audit.Select(e => e.Action));
        Assert.Equal("reviewer -> clinician", audit[0].Detail);
    }

    [Theory]
    [InlineData("Remove")]
    [InlineData("Role")]
    public async Task An_admin_can_neither_remove_nor_demote_themselves(string handler)
    {
        await _factory.CreateUserAsync("second-admin", Roles.Admin);

        var response = await PostUsersAsync(handler, "ROOT", Roles.Reviewer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("your own account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Roles.Admin, (await Store.FindAsync("root", CancellationToken.None))!.Role);
    }

    [Theory]
    [InlineData("x", "A name must be 2 to 64 characters long.")]
    [InlineData("root", "The name &#x27;root&#x27; is taken")]
    public async Task A_refused_addition_shows_the_reason_and_stores_nothing(string name, string reason)
    {
        var response = await PostUsersAsync("Add", name, Roles.Staff, "a first password for them");
        var weak = await PostUsersAsync("Add", "weakling", Roles.Staff, "short");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["root"], (await Store.ListAsync(CancellationToken.None)).Select(a => a.Name));
    }

    [Fact]
    public async Task An_admin_form_posted_without_the_antiforgery_token_is_refused_with_400()
    {
        var response = await _admin.PostAsync($"{StaffRoutes.Users}?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "forged",
            ["Role"] = Roles.Admin,
            ["Password"] = "a forged request's password",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await Store.FindAsync("forged", CancellationToken.None));
    }

    [Fact]
    public async Task The_audit_page_lists_the_newest_entries_and_filters_by_actor_and_action()
    {
        var log = _factory.Services.GetRequiredService<AuditLog>();
        await log.AppendAsync("alice", "transcript.review", "conversation-1", "", CancellationToken.None);
        await log.AppendAsync("bob", "transcript.review", "conversation-2", "", CancellationToken.None);
        await log.AppendAsync("alice", "transcript.note", "conversation-3", "", CancellationToken.None);

        var all = await _admin.GetStringAsync(StaffRoutes.Audit);
        var alice = await _admin.GetStringAsync($"{StaffRoutes.Audit}?actor=ALICE");
        var reviews = await _admin.GetStringAsync($"{StaffRoutes.Audit}?action=transcript.review");
        var both = await _admin.GetStringAsync($"{StaffRoutes.Audit}?actor=alice&action=transcript.review");

        Assert.True(all.IndexOf("conversation-3", StringComparison.Ordinal) < all.IndexOf("conversation-1", StringComparison.Ordinal), "newest first");
        Assert.Contains("signin", all, StringComparison.Ordinal);
        Assert.Equal(["conversation-3", "conversation-1"], Conversations(alice));
        Assert.Equal(["conversation-2", "conversation-1"], Conversations(reviews));
        Assert.Equal(["conversation-1"], Conversations(both));
    }

    [Fact]
    public async Task The_audit_page_pages_back_a_hundred_entries_at_a_time()
    {
        var log = _factory.Services.GetRequiredService<AuditLog>();
        for (var i = 0; i < 105; i++)
        {
            await log.AppendAsync("bulk", "bulk.entry", $"item-{i:000}", "", CancellationToken.None);
        }

        var first = await _admin.GetStringAsync($"{StaffRoutes.Audit}?actor=bulk");
        var older = System.Text.RegularExpressions.Regex.Match(first, "href=\"(/admin/audit\\?before=[^\"]+)\">Older entries").Groups[1].Value;
        var second = await _admin.GetStringAsync(System.Net.WebUtility.HtmlDecode(older));

        Assert.Contains("item-104", first, StringComparison.Ordinal);
        Assert.DoesNotContain("item-004", first, StringComparison.Ordinal);
        Assert.Contains("item-004", second, StringComparison.Ordinal);
        Assert.DoesNotContain("item-005", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Older entries", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_sign_in_names_audit_entries_filters_and_forms_is_shown_as_text()
    {
        var anonymous = _factory.CreateBrowserLikeClient();
        await anonymous.SignInAsync(Script, "whatever password");
        await anonymous.SignInAsync(Image, "whatever password");
        await _factory.Services.GetRequiredService<AuditLog>().AppendAsync("root", "note", Image, Script, CancellationToken.None);

        var audit = await _admin.GetStringAsync(StaffRoutes.Audit);
        var filtered = await _admin.GetStringAsync($"{StaffRoutes.Audit}?actor={Uri.EscapeDataString(Script)}&action={Uri.EscapeDataString("\"><b>x</b>")}");
        var users = await (await PostUsersAsync("Add", Image, Roles.Staff, "a first password for them")).Content.ReadAsStringAsync();
        var signIn = await anonymous.GetStringAsync($"{StaffSession.SignInPath}?returnUrl={Uri.EscapeDataString("\"><script>alert(1)</script>")}");

        foreach (var (page, html) in new[] { ("audit", audit), ("filtered audit", filtered), ("users", users), ("sign-in", signIn) })
        {
            Assert.False(html.Contains("<script>alert", StringComparison.OrdinalIgnoreCase), $"{page} page has a live <script>");
            Assert.False(html.Contains("<img src=x", StringComparison.OrdinalIgnoreCase), $"{page} page has a live <img>");
            Assert.False(html.Contains("<b>x</b>", StringComparison.OrdinalIgnoreCase), $"{page} page has live markup");
        }

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", audit, StringComparison.Ordinal);
        Assert.Contains("&lt;img src", audit, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", filtered, StringComparison.Ordinal);
        Assert.Contains("&lt;img src", users, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", signIn, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostUsersAsync(string handler, string name, string? role = null, string? password = null)
    {
        var fields = new Dictionary<string, string> { ["Name"] = name };
        if (role is not null)
        {
            fields["Role"] = role;
        }

        if (password is not null)
        {
            fields["Password"] = password;
        }

        return _admin.PostFormAsync(StaffRoutes.Users, $"{StaffRoutes.Users}?handler={handler}", fields);
    }

    private static List<string> Conversations(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "conversation-\\d").Select(m => m.Value).ToList();
}
