using System.Net;
using FaqBot.Storage.Accounts;
using FaqBot.Web.Accounts;
using FaqBot.Web.Tests.TestSupport;
using FaqBot.Web.Review;

namespace FaqBot.Web.Tests.Review;

/// <summary>The reviewer workspace's conversation routes and every form action, per role: only the
/// roles of the route's policy get through, the others 403, and nothing changes for them.</summary>
public sealed class ReviewAccessTests(ReviewAccessTests.Host host) : IClassFixture<ReviewAccessTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public FaqBotFactory Factory { get; } = new();

        public Dictionary<string, HttpClient> ByRole { get; } = new(StringComparer.Ordinal);

        public string Conversation { get; private set; } = "";

        public async Task InitializeAsync()
        {
            foreach (var role in Roles.All)
            {
                ByRole[role] = await Factory.SignedInClientAsync(role);
            }

            var client = await DirectLineClient.StartAsync(Factory.CreateClient());
            await client.SayAsync("Do you validate parking for the garage on Saturn?");
            Conversation = client.ConversationId;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    [Theory]
    [InlineData("page", Policies.Review)]
    [InlineData("transcript", Policies.Review)]
    public async Task A_conversation_and_its_export_open_only_for_the_review_roles(string what, string policy)
    {
        foreach (var role in Roles.All)
        {
            var response = await host.ByRole[role].GetAsync(what == "page" ? ReviewRoutes.Conversation(host.Conversation) : ReviewRoutes.Transcript(host.Conversation));

            var expected = Policies.RolesByPolicy[policy].Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{role}: expected {(int)expected}, got {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("Reviewed", "reviewed", "true")]
    [InlineData("Tags", "tags", "hijacked")]
    [InlineData("Note", "note", "hijacked")]
    [InlineData("Delete", "x", "y")]
    public async Task The_conversation_actions_are_forbidden_to_roles_without_review(string handler, string field, string value)
    {
        var page = ReviewRoutes.Conversation(host.Conversation);
        var reviewer = host.ByRole[Roles.Reviewer];
        foreach (var role in new[] { Roles.Staff })
        {
            // The form's token comes from a page that role may open; the action itself is refused.
            var token = await host.ByRole[role].AntiforgeryTokenAsync(StaffRoutes.Home);
            var response = await host.ByRole[role].PostAsync($"{page}&handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [field] = value,
                ["__RequestVerificationToken"] = token,
            }));

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} posting {handler}: {(int)response.StatusCode}");
        }

        var view = await reviewer.GetStringAsync(page);
        Assert.DoesNotContain("hijacked", view, StringComparison.Ordinal);
        Assert.Contains("Mark reviewed", view, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_handoff_roles_may_change_an_items_status()
    {
        foreach (var role in new[] { Roles.Reviewer })
        {
            var token = await host.ByRole[role].AntiforgeryTokenAsync(StaffRoutes.Home);
            var response = await host.ByRole[role].PostAsync("/handoffs?handler=Status", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["id"] = "1",
                ["status"] = "Closed",
                ["__RequestVerificationToken"] = token,
            }));

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var queue = await host.ByRole[Roles.Staff].GetStringAsync("/handoffs");
        Assert.Contains("status-new", queue, StringComparison.Ordinal);
    }
}
