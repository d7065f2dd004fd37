using System.Net;
using FaqBot.Core.Ai;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Generation;

/// <summary>A slow or failing provider costs the patient nothing but the wait: the extractive
/// answer is sent and the trace says why. Without an <c>Ai</c> section no model is asked at all.
/// Each test bounds its wait, so a broken fallback fails instead of hanging.</summary>
public sealed class GenerationFallbackTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_provider_slower_than_the_time_limit_gets_the_extractive_answer_sent_and_a_timedout_verdict()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Delay = TimeSpan.FromSeconds(30);
        server.Reply = _ => "Please plan for someone else to drive you home [1].";
        await using var factory = GenerationHosts.PointedAt(server).With("Ai:AnswerTimeoutMilliseconds", "300");
        var client = await DirectLineClient.StartAsync(factory.CreateClient()); // the host starts (and builds its indexes) before the bound runs
        using var bound = new CancellationTokenSource(Bound);

        var reply = await client.AskAsync(GenerationHosts.DriveHome).WaitAsync(bound.Token);

        factory.AssertExtractive(reply, "getting-home");
        Assert.Equal(GenerationHosts.DriveHome, Assert.Single(server.ChatRequests).User);
        var trace = await factory.StoredTraceAsync(client, reply);
        Assert.Equal("timedout", trace.Verdict());
        Assert.Equal("", (string?)trace["generation"]!["rawOutput"]);
        Assert.Contains("approved answer sent", (string?)trace["decision"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_provider_is_asked_once_and_the_extractive_answer_is_sent_with_a_failed_verdict()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.FailWith = HttpStatusCode.InternalServerError;
        await using var factory = GenerationHosts.PointedAt(server);
        var client = await DirectLineClient.StartAsync(factory.CreateClient()); // the host starts (and builds its indexes) before the bound runs
        using var bound = new CancellationTokenSource(Bound);

        var reply = await client.AskAsync(GenerationHosts.DriveHome).WaitAsync(bound.Token);

        factory.AssertExtractive(reply, "getting-home");
        Assert.Single(server.ChatRequests); // retries are off
        var trace = await factory.StoredTraceAsync(client, reply);
        Assert.Equal("failed", trace.Verdict());
        Assert.False(string.IsNullOrWhiteSpace((string?)trace["generation"]!["reason"]));
    }

    [Fact]
    public async Task An_unreachable_provider_gets_the_extractive_answer_sent_and_a_failed_verdict()
    {
        string baseUrl;
        await using (var stopped = await FakeOpenAIServer.StartAsync())
        {
            baseUrl = stopped.BaseUrl;
        }

        await using var factory = GenerationHosts.PointedAt(baseUrl);
        var client = await DirectLineClient.StartAsync(factory.CreateClient()); // the host starts (and builds its indexes) before the bound runs
        using var bound = new CancellationTokenSource(Bound);

        var reply = await client.AskAsync(GenerationHosts.DriveHome).WaitAsync(bound.Token);

        factory.AssertExtractive(reply, "getting-home");
        Assert.Equal("failed", (await factory.StoredTraceAsync(client, reply)).Verdict());
    }

    [Fact]
    public async Task Without_ai_settings_no_model_is_configured_or_asked_and_the_answer_is_extractive()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Reply = _ => "Please plan for someone else to drive you home [1].";
        await using var factory = new FaqBotFactory();
        var client = await DirectLineClient.StartAsync(factory.CreateClient()); // the host starts (and builds its indexes) before the bound runs
        using var bound = new CancellationTokenSource(Bound);

        var reply = await client.AskAsync(GenerationHosts.DriveHome).WaitAsync(bound.Token);

        factory.AssertExtractive(reply, "getting-home");
        var models = factory.Services.GetRequiredService<AiModels>();
        Assert.Null(models.Chat);
        Assert.Null(models.Embeddings);
        var trace = await factory.StoredTraceAsync(client, reply);
        Assert.Null(trace["generation"]);
        Assert.DoesNotContain("model", (string?)trace["decision"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("hybrid ranking", (string?)trace["decision"], StringComparison.Ordinal); // on the embedded encoder, no model asked
        Assert.Equal(0, server.RequestCount);
    }
}
