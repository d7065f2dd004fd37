using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.TestSupport;

/// <summary>One message of a chat request as the fake server read it; content given as an array
/// of parts is joined from its text parts.</summary>
public sealed record FakeChatMessage(string Role, string Content);

/// <summary>A chat completion request as the fake server received it.</summary>
public sealed record FakeChatRequest(
    string Model,
    IReadOnlyList<FakeChatMessage> Messages,
    int? MaxTokens,
    int? MaxCompletionTokens,
    double? Temperature,
    string Json)
{
    /// <summary>The first system message's content ("" when there is none).</summary>
    public string System => Messages.FirstOrDefault(m => m.Role == "system")?.Content ?? "";

    /// <summary>The last user message's content ("" when there is none).</summary>
    public string User => Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";

    /// <summary>Whether this is the safety classifier's request rather than an answer's.</summary>
    public bool IsSafetyClassifier => System.StartsWith(FakeOpenAIServer.ClassifierPreamble, StringComparison.Ordinal);
}

/// <summary>An embeddings request as the fake server received it.</summary>
public sealed record FakeEmbeddingRequest(string Model, IReadOnlyList<string> Inputs, string? EncodingFormat, string Json);

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the system) speaking the two calls of
/// the OpenAI API the bot makes: <c>POST /v1/chat/completions</c> and <c>POST /v1/embeddings</c>.
/// The test decides how chat requests are answered (<see cref="Reply"/>), how long the server
/// waits first (<see cref="Delay"/>, cut short when the client gives up) and whether it fails
/// instead (<see cref="FailWith"/>). Every request is recorded, parsed, before it is answered.
/// Embeddings are a deterministic bag-of-words hash (<see cref="Embed"/>), so texts sharing words
/// are close.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    /// <summary>How the safety classifier's system message starts (prompts/SafetyClassifier).</summary>
    public const string ClassifierPreamble = "You are the safety triage step";

    public const int Dimensions = 64;

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<FakeChatRequest> _chat = new();
    private readonly ConcurrentQueue<FakeEmbeddingRequest> _embeddings = new();
    private int _completions;
    private int _requests;

    private FakeOpenAIServer(WebApplication app)
    {
        _app = app;
        app.MapPost("/v1/chat/completions", ChatAsync);
        app.MapPost("/v1/embeddings", EmbeddingsAsync);
    }

    /// <summary>"http://127.0.0.1:{port}/v1", as <c>Ai:BaseUrl</c> takes it.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The assistant's content for a chat request; by default the not-found marker.</summary>
    public Func<FakeChatRequest, string> Reply { get; set; } = _ => "INFO NOT FOUND";

    /// <summary>How long the server waits before it answers a chat request (or fails it).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>When set, chat requests get this status with an OpenAI error body instead of a reply.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>When set, embeddings are float arrays even when the request asks for base64 (as
    /// servers that ignore <c>encoding_format</c> answer).</summary>
    public bool IgnoreEncodingFormat { get; set; }

    public IReadOnlyList<FakeChatRequest> ChatRequests => [.. _chat];

    /// <summary>The chat requests other than the safety classifier's.</summary>
    public IReadOnlyList<FakeChatRequest> AnswerRequests => [.. _chat.Where(r => !r.IsSafetyClassifier)];

    public IReadOnlyList<FakeEmbeddingRequest> EmbeddingRequests => [.. _embeddings];

    /// <summary>How many requests of any kind arrived, the ones no route took included.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear(); // not the test host's appsettings.json or ASPNETCORE_* variables
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new FakeOpenAIServer(builder.Build());
        server._app.Use((context, next) =>
        {
            Interlocked.Increment(ref server._requests);
            return next(context);
        });
        await server._app.StartAsync();
        var address = new Uri(server._app.Urls.Single());
        server.BaseUrl = $"http://127.0.0.1:{address.Port}/v1";
        return server;
    }

    /// <summary>Forgets the requests received so far and restores the default behaviour.</summary>
    public void Reset()
    {
        _chat.Clear();
        _embeddings.Clear();
        Reply = _ => "INFO NOT FOUND";
        Delay = TimeSpan.Zero;
        FailWith = null;
        IgnoreEncodingFormat = false;
    }

    /// <summary>A reply function that answers the safety classifier "none" and every other
    /// request with <paramref name="answer"/>.</summary>
    public static Func<FakeChatRequest, string> WithClassifierNone(Func<FakeChatRequest, string> answer) =>
        request => request.IsSafetyClassifier ? "none" : answer(request);

    /// <summary>A unit vector with one dimension per hashed lower-case word (FNV-1a, so the same
    /// text gives the same vector in every run).</summary>
    public static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        var word = new StringBuilder();
        foreach (var c in text.ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                var hash = 2166136261u;
                foreach (var w in word.ToString())
                {
                    hash = (hash ^ w) * 16777619u;
                }

                vector[hash % Dimensions] += 1;
                word.Clear();
            }
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : [.. vector.Select(v => v / norm)];
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task ChatAsync(HttpContext context)
    {
        var json = await ReadBodyAsync(context);
        var body = JsonNode.Parse(json)!.AsObject();
        var request = new FakeChatRequest(
            (string?)body["model"] ?? "",
            [.. (body["messages"]?.AsArray() ?? []).OfType<JsonObject>().Select(m => new FakeChatMessage((string?)m["role"] ?? "", Content(m["content"])))],
            (int?)body["max_tokens"],
            (int?)body["max_completion_tokens"],
            (double?)body["temperature"],
            json);
        _chat.Enqueue(request);

        if (Delay > TimeSpan.Zero)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(Delay, either.Token);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up (or the server is stopping): nobody reads the answer
            }
        }

        if (FailWith is { } status)
        {
            await WriteJsonAsync(context, (int)status, new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["message"] = "The fake server failed as the test asked.",
                    ["type"] = "server_error",
                    ["param"] = null,
                    ["code"] = null,
                },
            });
            return;
        }

        var content = Reply(request);
        var number = Interlocked.Increment(ref _completions);
        var promptTokens = request.Messages.Sum(m => Words(m.Content));
        var completionTokens = Words(content);
        await WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["id"] = $"chatcmpl-fake-{number}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = request.Model,
            ["system_fingerprint"] = "fp_fake",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = Usage(promptTokens, completionTokens),
        });
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        var json = await ReadBodyAsync(context);
        var body = JsonNode.Parse(json)!.AsObject();
        var inputs = body["input"] switch
        {
            JsonArray array => array.Select(i => (string?)i ?? "").ToList(),
            JsonValue value => [(string?)value ?? ""],
            _ => new List<string>(),
        };
        var format = (string?)body["encoding_format"];
        var request = new FakeEmbeddingRequest((string?)body["model"] ?? "", inputs, format, json);
        _embeddings.Enqueue(request);

        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Embed(inputs[i]);
            JsonNode embedding = format == "base64" && !IgnoreEncodingFormat
                ? Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray())
                : new JsonArray([.. vector.Select(v => (JsonNode)v)]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var tokens = inputs.Sum(Words);
        await WriteJsonAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request.Model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        });
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    private static Task WriteJsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>A message's content: a string, or an array of parts whose text parts are joined.</summary>
    private static string Content(JsonNode? content) => content switch
    {
        JsonValue value => (string?)value ?? "",
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => (string?)p["text"] ?? "")),
        _ => "",
    };

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static JsonObject Usage(int prompt, int completion) => new()
    {
        ["prompt_tokens"] = prompt,
        ["completion_tokens"] = completion,
        ["total_tokens"] = prompt + completion,
    };
}
