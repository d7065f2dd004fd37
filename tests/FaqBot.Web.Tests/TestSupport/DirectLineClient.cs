using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FaqBot.Web.Tests.TestSupport;

/// <summary>A Direct Line 3.0 client over HTTP, as botframework-directlinejs uses the API with
/// polling: a token from the page's endpoint, start, post, and read with watermarks.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public string Token { get; private set; } = "";

    public string ConversationId { get; private set; } = "";

    public string Watermark { get; private set; } = "";

    public HttpClient Http => http;

    public static async Task<DirectLineClient> StartAsync(HttpClient http)
    {
        var client = await WithTokenAsync(http);
        var started = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", new JsonObject { ["user"] = new JsonObject { ["id"] = "someone" } });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return client;
    }

    /// <summary>A token and conversation id from the page's endpoint; the conversation is not started.</summary>
    public static async Task<DirectLineClient> WithTokenAsync(HttpClient http)
    {
        var client = new DirectLineClient(http);
        var token = await http.PostAsync("/api/chat-token", null);
        token.EnsureSuccessStatusCode();
        var issued = await token.Content.ReadFromJsonAsync<JsonObject>();
        client.Token = (string)issued!["token"]!;
        client.ConversationId = (string)issued["conversationId"]!;
        return client;
    }

    /// <summary>The same patient (token, conversation, watermark) talking to another host.</summary>
    public DirectLineClient ResumeOn(HttpClient other) => new(other) { Token = Token, ConversationId = ConversationId, Watermark = Watermark };

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonNode? body = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }

    /// <summary>Posts a message as Web Chat does (with a clientActivityID) and returns the assigned id.</summary>
    public async Task<string> SayAsync(string text, string? clientActivityId = null)
    {
        var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "someone", ["role"] = "user" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        });
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>Activities since the last read; advances the watermark.</summary>
    public async Task<List<JsonObject>> ReadAsync()
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={Watermark}");
        response.EnsureSuccessStatusCode();
        var set = await response.Content.ReadFromJsonAsync<JsonObject>();
        Watermark = (string)set!["watermark"]!;
        return [.. set["activities"]!.AsArray().Select(a => a!.AsObject())];
    }

    /// <summary>Every activity the conversation serves from <paramref name="watermark"/> on, leaving this client's watermark as it is.</summary>
    public async Task<List<JsonObject>> ReadFromAsync(string watermark)
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={watermark}");
        response.EnsureSuccessStatusCode();
        var set = await response.Content.ReadFromJsonAsync<JsonObject>();
        return [.. set!["activities"]!.AsArray().Select(a => a!.AsObject())];
    }

    /// <summary>Says something and returns the bot's message in reply to it.</summary>
    public async Task<JsonObject> AskAsync(string text)
    {
        var id = await SayAsync(text);
        var activities = await ReadAsync();
        return activities.Last(a => (string?)a["type"] == "message" && (string?)a["replyToId"] == id);
    }

    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
