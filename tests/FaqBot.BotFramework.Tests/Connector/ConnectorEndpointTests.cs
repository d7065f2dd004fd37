using System.Net;
using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.Tests.Connector;

public sealed class ConnectorEndpointTests
{
    [Fact]
    public async Task Malformed_json_is_400()
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());

        var response = await host.PostAsync("""{"type":"message", "text": """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("connector.test/amer")]
    [InlineData("ftp://connector.test/")]
    public async Task An_activity_without_an_absolute_http_service_url_is_400(string? serviceUrl)
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());
        var activity = ConnectorHost.Message("hi");
        activity.ServiceUrl = serviceUrl;

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, host.Bot.HeardCount);
    }

    [Fact]
    public async Task An_activity_without_a_type_or_conversation_is_400()
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());
        var untyped = ConnectorHost.Message("hi");
        untyped.Type = null;
        var unplaced = ConnectorHost.Message("hi");
        unplaced.Conversation = new ConversationAccount();

        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(untyped)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.PostAsync(unplaced)).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var settings = ConnectorHost.Local();
        settings["BotFramework:MaxActivityBytes"] = "2048";
        await using var host = await ConnectorHost.StartAsync(settings);

        var response = await host.PostAsync(ConnectorHost.Message(new string('a', 4096)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, host.Bot.HeardCount);
    }

    [Fact]
    public async Task An_invoke_is_answered_200_with_a_json_object_and_still_reaches_the_bot()
    {
        await using var host = await ConnectorHost.StartAsync(ConnectorHost.Local());
        var invoke = ConnectorHost.Message("");
        invoke.Type = ActivityTypes.Invoke;
        invoke.Name = "adaptiveCard/action";

        var response = await host.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        Assert.Equal(ActivityTypes.Invoke, (await host.Bot.NextHeardAsync()).Type);
    }

    [Fact]
    public async Task A_full_inbox_is_503_with_retry_after_and_the_refused_delivery_runs_when_it_comes_again()
    {
        var settings = ConnectorHost.Local();
        settings["BotFramework:QueueCapacity"] = "1";
        settings["BotFramework:MaxConcurrentTurns"] = "1";
        await using var host = await ConnectorHost.StartAsync(settings);
        host.Bot.Holding = true;

        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync(ConnectorHost.Message("first"))).StatusCode);
        await host.Bot.NextHeardAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync(ConnectorHost.Message("second", id: "activity-2"))).StatusCode);
        var refused = await host.PostAsync(ConnectorHost.Message("third", id: "activity-3"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        host.Bot.Release();
        Assert.Equal("second", (await host.Bot.NextHeardAsync()).Text);
        Assert.Equal(HttpStatusCode.Accepted, (await host.PostAsync(ConnectorHost.Message("third", id: "activity-3"))).StatusCode);
        Assert.Equal("third", (await host.Bot.NextHeardAsync()).Text);
    }
}
