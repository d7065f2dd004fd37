using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using FaqBot.BotFramework.Connector;
using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Tests.Connector;

/// <summary>A minimal web host with the channel registered as the real host does it; only the
/// network is swapped (the JwtBearer backchannel and the channel's HttpClient go to
/// <see cref="FakeHttp"/>).</summary>
internal sealed class ConnectorHost : IAsyncDisposable
{
    public const string ServiceUrl = "https://connector.test/amer/";
    public const string TokenUrl = "https://login.test/clinic-tenant/oauth2/v2.0/token";
    public const string ConnectorToken = "connector-access-token";

    private readonly WebApplication _app;

    private ConnectorHost(WebApplication app, FakeHttp http)
    {
        _app = app;
        Http = http;
        Client = app.GetTestClient();
    }

    public FakeHttp Http { get; }

    public HttpClient Client { get; }

    public RecordingBot Bot => (RecordingBot)_app.Services.GetRequiredService<IBot>();

    public static Dictionary<string, string?> Authenticated() => new()
    {
        ["BotFramework:MicrosoftAppId"] = TestTokens.AppId,
        ["BotFramework:MicrosoftAppPassword"] = "app-secret",
        ["BotFramework:MicrosoftAppTenantId"] = "clinic-tenant",
        ["BotFramework:OpenIdMetadataUrl"] = TestTokens.MetadataUrl,
        ["BotFramework:TokenEndpointTemplate"] = "https://login.test/{tenant}/oauth2/v2.0/token",
    };

    public static Dictionary<string, string?> Local() => [];

    public static async Task<ConnectorHost> StartAsync(Dictionary<string, string?> settings, Action<WebApplication>? map = null)
    {
        var http = new FakeHttp();
        TestTokens.Serve(http);
        http.Route(TokenUrl, _ => FakeHttp.Json($$"""{"token_type":"Bearer","expires_in":3600,"access_token":"{{ConnectorToken}}"}"""));
        http.Route("https://connector.test/", _ => FakeHttp.Json("""{"id":"reply-1"}"""));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddBot<RecordingBot>((_, _, _) => Task.CompletedTask);
        builder.Services.AddBotConnector(builder.Configuration);

        // Configure, not PostConfigure: JwtBearer's own post-configuration builds the metadata
        // client from this handler, so it must be set before that runs.
        builder.Services.Configure<JwtBearerOptions>(ConnectorAuth.Scheme, jwt => jwt.BackchannelHttpHandler = http);
        builder.Services.AddHttpClient(ConnectorServices.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => http);

        var app = builder.Build();
        app.UseAuthentication();
        app.MapBotMessages();
        map?.Invoke(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new ConnectorHost(app, http);
    }

    public Task<HttpResponseMessage> PostAsync(Activity activity, string? token = null) =>
        PostAsync(ActivityJson.Serialize(activity), token);

    public Task<HttpResponseMessage> PostAsync(string json, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ConnectorEndpoints.Route)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request);
    }

    public static Activity Message(string text, string channelId = "webchat", string serviceUrl = ServiceUrl, string conversationId = "conv-1", string id = "activity-1") => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = conversationId },
        From = new ChannelAccount { Id = "user-1", Name = "Patient" },
        Recipient = new ChannelAccount { Id = "bot-1", Name = "Clinic assistant" },
        Text = text,
    };

    public async ValueTask DisposeAsync()
    {
        Bot.Release();
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Echoes every message and records what it heard; can be told to hold its turns.</summary>
internal sealed class RecordingBot : IBot
{
    private readonly Channel<Activity> _heard = Channel.CreateUnbounded<Activity>();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _heardCount;

    public bool Holding { get; set; }

    public int HeardCount => Volatile.Read(ref _heardCount);

    public void Release() => _released.TrySetResult();

    public async Task<Activity> NextHeardAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _heard.Reader.ReadAsync(timeout.Token);
    }

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _heardCount);
        _heard.Writer.TryWrite(turn.Activity);
        if (Holding)
        {
            await _released.Task.WaitAsync(cancellationToken);
        }

        if (turn.Activity.Type == ActivityTypes.Message)
        {
            await turn.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = "echo: " + turn.Activity.Text }, cancellationToken);
        }
    }
}
