using System.Net;
using System.Net.Http.Json;
using FaqBot.Storage.Accounts;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc;

namespace FaqBot.Web.Tests.Review;

/// <summary>Date filters at the ends of the calendar, on the review list, its CSV export and the
/// unanswered report: each names a range of whole days like any other date (never a 500, never a
/// download cut short).</summary>
public sealed class DateFilterTests(DateFilterTests.Host host) : IClassFixture<DateFilterTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public FaqBotFactory Factory { get; } = new();

        public HttpClient Reviewer { get; private set; } = null!;

        public string Conversation { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Reviewer = await Factory.SignedInClientAsync(Roles.Clinician);
            var chat = await DirectLineClient.StartAsync(Factory.CreateClient());
            await chat.SayAsync("How long does an infusion take?");
            Conversation = chat.ConversationId;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    public static TheoryData<string> Filters => new()
    {
        "to=9999-12-31",
        "from=9999-12-31",
        "to=0001-01-01",
        "from=0001-01-01",
        "from=0001-01-01&to=9999-12-31",
        "from=9999-12-31&to=9999-12-31",
        "from=0001-01-01&to=0001-01-01",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_review_list_answers_every_date(string query)
    {
        var response = await host.Reviewer.GetAsync("/review?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_csv_export_answers_every_date_with_a_whole_file(string query)
    {
        var response = await host.Reviewer.GetAsync("/review/export.csv?" + query);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("id,channel,", body, StringComparison.Ordinal);
        Assert.EndsWith("\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_calendar_holds_every_conversation()
    {
        var list = await host.Reviewer.GetStringAsync("/review?from=0001-01-01&to=9999-12-31");
        var csv = await host.Reviewer.GetStringAsync("/review/export.csv?from=0001-01-01&to=9999-12-31");

        Assert.Contains(host.Conversation, list, StringComparison.Ordinal);
        Assert.Contains(host.Conversation, csv, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task The_unanswered_report_answers_every_date_range(string query)
    {
        var response = await host.Reviewer.GetAsync("/unanswered?" + query);

        var expected = query == "from=9999-12-31" ? HttpStatusCode.BadRequest : HttpStatusCode.OK; // To is today
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_unanswered_report_refuses_a_range_that_ends_before_it_starts_with_a_problem()
    {
        var response = await host.Reviewer.GetAsync("/unanswered?from=2026-05-02&to=2026-05-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("From (2026-05-02) must not be after To (2026-05-01).", problem!.Detail);
    }
}
