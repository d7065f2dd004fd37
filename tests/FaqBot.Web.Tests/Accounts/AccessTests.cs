using System.Net;
using System.Net.Http.Headers;
using FaqBot.Storage.Accounts;
using FaqBot.Web.Accounts;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Accounts;

/// <summary>Who may open what: anonymous browsers are sent to sign in, other anonymous callers get
/// 401, a signed-in member without the role 403, the right roles 200.</summary>
public sealed partial class AccessTests(AccessTests.Host host) : IClassFixture<AccessTests.Host>
{
    /// <summary>One host, with one signed-in client per role.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public FaqBotFactory Factory { get; } = new();

        public Dictionary<string, HttpClient> ByRole { get; } = new(StringComparer.Ordinal);

        public async Task InitializeAsync()
        {
            foreach (var role in Roles.All)
            {
                ByRole[role] = await Factory.SignedInClientAsync(role);
            }
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    /// <summary>The pages this feature serves and the policy each declares.</summary>
    public static TheoryData<string, string> Pages => new()
    {
        { StaffRoutes.Home, Policies.SignedIn },
        { StaffRoutes.Users, Policies.Admin },
        { StaffRoutes.Audit, Policies.Admin },
        { StaffRoutes.Review, Policies.Review },
        { "/review/export.csv", Policies.Review },
        { StaffRoutes.Handoffs, Policies.Handoffs },
        { StaffRoutes.Unanswered, Policies.Unanswered },
        { FaqBot.Web.Knowledge.KnowledgeRoutes.List, Policies.Knowledge },
        { FaqBot.Web.Knowledge.KnowledgeRoutes.Try, Policies.Knowledge },
        { FaqBot.Web.Knowledge.KnowledgeRoutes.Lint, Policies.Knowledge },
        { FaqBot.Web.Knowledge.KnowledgeRoutes.Snippet("getting-home"), Policies.Knowledge },
        { FaqBot.Web.Knowledge.KnowledgeRoutes.History("getting-home"), Policies.Knowledge },
        { FaqBot.Web.Knowledge.KnowledgeRoutes.Edit(null), Policies.KnowledgeEdit },
        { FaqBot.Web.Knowledge.KnowledgeRoutes.Edit("getting-home"), Policies.KnowledgeEdit },
    };

    /// <summary>Endpoints patients use without an account, and the sign-in pages themselves.</summary>
    private static readonly string[] OpenPrefixes = ["/v3/directline", "/api/chat-token", "/api/messages", "/health", "/account/signin", "/account/signout"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task An_anonymous_browser_is_sent_to_sign_in_with_the_page_as_its_return_address(string page, string policy)
    {
        _ = policy;
        var response = await host.Factory.CreateBrowserLikeClient().GetAsync(page + "?q=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/signin?returnUrl={Uri.EscapeDataString(page + "?q=1")}", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task An_anonymous_caller_that_is_not_a_browser_gets_401(string page, string policy)
    {
        _ = policy;
        var client = host.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var get = await client.GetAsync(page);
        var post = await client.PostAsync(page, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_role_gets_the_page_when_the_policy_names_it_and_403_otherwise(string page, string policy)
    {
        foreach (var role in Roles.All)
        {
            var response = await host.ByRole[role].GetAsync(page);

            var expected = Policies.RolesByPolicy[policy].Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{role} on {page}: expected {(int)expected}, got {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_policies_grant_the_roles_the_issue_names()
    {
        Assert.Equal(["reviewer", "clinician", "admin"], Policies.RolesByPolicy[Policies.Review]);
        Assert.Equal(["staff", "clinician", "admin"], Policies.RolesByPolicy[Policies.Handoffs]);
        Assert.Equal(["staff", "clinician", "reviewer", "admin"], Policies.RolesByPolicy[Policies.Unanswered]);
        Assert.Equal(["admin"], Policies.RolesByPolicy[Policies.Admin]);
        Assert.Equal(["clinician"], Policies.RolesByPolicy[Policies.KnowledgeApprove]);
        Assert.Equal(["staff", "clinician", "admin"], Policies.RolesByPolicy[Policies.KnowledgeEdit]);
        var forbidden = await host.ByRole[Roles.Staff].GetAsync(StaffRoutes.Users);
        Assert.Equal("text/html; charset=utf-8", forbidden.Content.Headers.ContentType!.ToString());
        Assert.Contains("Not allowed", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Add")]
    [InlineData("Role")]
    [InlineData("Password")]
    [InlineData("Remove")]
    public async Task The_admin_actions_are_forbidden_to_every_other_role(string handler)
    {
        var target = await host.Factory.CreateUserAsync($"target-{handler.ToLowerInvariant()}", Roles.Reviewer);
        foreach (var role in new[] { Roles.Reviewer, Roles.Staff, Roles.Clinician })
        {
            var response = await host.ByRole[role].PostFormAsync(StaffRoutes.Home, $"{StaffRoutes.Users}?handler={handler}", new Dictionary<string, string>
            {
                ["Name"] = handler == "Add" ? "newcomer" : target.Name,
                ["Role"] = Roles.Admin,
                ["Password"] = "an attacker's password",
            });

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} posting {handler}: {(int)response.StatusCode}");
        }

        var after = await host.Factory.Services.GetRequiredService<AccountStore>().FindAsync(target.Name, CancellationToken.None);
        Assert.Equal(Roles.Reviewer, after!.Role);
        Assert.Null(await host.Factory.Services.GetRequiredService<AccountStore>().FindAsync("newcomer", CancellationToken.None));
    }

    /// <summary>Every route the host maps, whoever added it, refuses an anonymous caller unless it is
    /// a patient endpoint or the sign-in pages: a page that forgets its policy still needs a staff member.</summary>
    [Fact]
    public async Task Every_endpoint_but_the_patient_ones_and_the_sign_in_pages_refuses_anonymous_callers()
    {
        var client = host.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var endpoints = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + Parameters().Replace(e.RoutePattern.RawText!.TrimStart('/'), "x"), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]))
            .Where(e => !OpenPrefixes.Any(p => e.Path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.Contains(endpoints, e => e.Path == StaffRoutes.Users);
        var failures = new List<string>();
        foreach (var (path, methods) in endpoints)
        {
            foreach (var method in methods.Where(m => m != "OPTIONS" && m != "HEAD"))
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : new StringContent("") });
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{method} {path}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Open to anonymous callers:\n" + string.Join("\n", failures));
    }

    /// <summary>The fallback policy: a request no endpoint declares anything for (here, one that
    /// matches none) needs a signed-in staff member before anything else happens.</summary>
    [Fact]
    public async Task Without_a_declared_policy_a_request_still_needs_a_signed_in_staff_member()
    {
        var anonymous = host.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var refused = await anonymous.GetAsync("/staff-only-by-default");
        var signedIn = await host.ByRole[Roles.Reviewer].GetAsync("/staff-only-by-default");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
    }

    [Fact]
    public async Task Patients_need_no_account_for_the_chat_page_its_token_and_health()
    {
        var client = host.Factory.CreateBrowserLikeClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/chat.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/chat-token", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var chat = await DirectLineClient.StartAsync(host.Factory.CreateClient());
        Assert.False(string.IsNullOrEmpty(chat.ConversationId));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex Parameters();
}
