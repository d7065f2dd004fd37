using System.Net;
using FaqBot.Web.Tests.TestSupport;

namespace FaqBot.Web.Tests.DirectLine;

public sealed class ConversationFlowTests(ConversationFlowTests.Host host) : IClassFixture<ConversationFlowTests.Host>
{
    public sealed class Host : IDisposable
    {
        public FaqBotFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task A_started_conversation_opens_with_the_welcome_that_names_the_emergency_numbers()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());

        var activities = await client.ReadAsync();

        var welcome = Assert.Single(activities, a => (string?)a["type"] == "message");
        Assert.Equal("bot", (string?)welcome["from"]!["role"]);
        Assert.Contains("not for emergencies", (string?)welcome["text"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("911", (string?)welcome["text"], StringComparison.Ordinal);
        Assert.Contains("988", (string?)welcome["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(activities, a => (string?)a["type"] == "conversationUpdate");
    }

    [Fact]
    public async Task Starting_again_with_the_same_token_resumes_without_a_second_welcome()
    {
        var client = await DirectLineClient.StartAsync(host.Factory.CreateClient());

        var again = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await client.ReadAsync(), a => (string?)a["type"] == "message");
    }
}
