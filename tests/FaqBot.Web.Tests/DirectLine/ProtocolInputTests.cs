using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FaqBot.Web.Tests.TestSupport;

namespace FaqBot.Web.Tests.DirectLine;

/// <summary>Direct Line input the server never issued or cannot keep is a 400 with a problem
/// description, never a 5xx and never a wrong answer; the conversation goes on afterwards.</summary>
public sealed class ProtocolInputTests : IDisposable
{
    private readonly FaqBotFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("2147483648")]
    [InlineData("4294967296")]
    [InlineData("9223372036854775807")]
    [InlineData("99999999999999999999")]
    [InlineData("-1")]
    public async Task A_watermark_the_conversation_never_issued_is_400_and_never_reads_the_history(string watermark)
    {
        var client = await DirectLineClient.StartAsync(_factory.CreateClient());
        await client.SayAsync("what should I bring");
        await client.ReadAsync();

        var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities?watermark={watermark}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("watermark", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await client.ReadAsync());
    }

    [Theory]
    [InlineData("channelData", """{"clientActivityID":"\ud800"}""")]
    [InlineData("value", """ "\udc00" """)]
    [InlineData("entities", """[{"type":"ClientCapabilities","x":"\ud83d"}]""")]
    public async Task A_lone_surrogate_escape_in_a_posted_activity_is_400_and_nothing_is_stored(string field, string json)
    {
        var client = await DirectLineClient.StartAsync(_factory.CreateClient());
        await client.ReadAsync();

        var response = await PostRawAsync(client, field, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await client.ReadAsync());
    }

    [Theory]
    [InlineData("entities", "[null]")]
    [InlineData("attachments", "[null]")]
    [InlineData("membersAdded", "[null]")]
    public async Task A_null_item_in_an_array_of_a_posted_activity_is_400(string field, string json)
    {
        var client = await DirectLineClient.StartAsync(_factory.CreateClient());
        await client.ReadAsync();

        var response = await PostRawAsync(client, field, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await client.ReadAsync());
    }

    [Fact]
    public async Task A_user_id_longer_than_any_channel_sends_is_refused_when_a_conversation_is_made()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        var user = new JsonObject { ["user"] = new JsonObject { ["id"] = new string('u', 10_000) } };

        var generate = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", user, token: FaqBotFactory.TestSecret);
        var start = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", user.DeepClone(), token: FaqBotFactory.TestSecret);

        Assert.Equal(HttpStatusCode.BadRequest, generate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Contains("user.id is longer than 512 characters", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Posts a message with one more field written as raw JSON.</summary>
    private static Task<HttpResponseMessage> PostRawAsync(DirectLineClient client, string field, string rawJson)
    {
        var json = "{\"type\":\"message\",\"text\":\"hi\",\"" + field + "\":" + rawJson + "}";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        return client.Http.SendAsync(request);
    }
}
