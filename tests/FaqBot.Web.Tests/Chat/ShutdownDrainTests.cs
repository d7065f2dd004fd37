using System.Net;
using FaqBot.Web.Health;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FaqBot.Web.Tests.Chat;

/// <summary>Stopping behind a proxy: while the host drains, it still answers, but every answer
/// closes its connection and readiness fails; then the stop goes on.</summary>
public sealed class ShutdownDrainTests
{
    [Fact]
    public async Task While_draining_the_host_answers_with_connection_close_and_is_not_ready_then_the_stop_goes_on()
    {
        using var factory = new FaqBotFactory().With("Shutdown:DrainSeconds", "20");
        var client = factory.CreateClient();
        var drain = factory.Services.GetRequiredService<ShutdownDrain>();
        var readyBefore = await client.GetAsync("/health/ready");
        var liveBefore = await client.GetAsync("/health");

        using var stop = new CancellationTokenSource();
        var stopping = drain.StoppingAsync(stop.Token);
        var readyDraining = await client.GetAsync("/health/ready");
        var liveDraining = await client.GetAsync("/health");
        var stillDraining = !stopping.IsCompleted;
        await stop.CancelAsync();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (readyBefore.StatusCode, liveBefore.StatusCode));
        Assert.NotEqual(true, liveBefore.Headers.ConnectionClose);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyDraining.StatusCode);
        Assert.Equal(HttpStatusCode.OK, liveDraining.StatusCode);
        Assert.True(liveDraining.Headers.ConnectionClose, "a draining host closes every connection it answers on");
        Assert.True(stillDraining, "the drain lasts its configured time unless the shutdown timeout ends it");
    }

    [Fact]
    public async Task Without_a_drain_time_the_host_stops_at_once_and_stays_ready_until_then()
    {
        using var factory = new FaqBotFactory();
        var client = factory.CreateClient();
        var drain = factory.Services.GetRequiredService<ShutdownDrain>();

        var stopping = drain.StoppingAsync(CancellationToken.None);

        Assert.True(stopping.IsCompleted);
        Assert.False(drain.Draining);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Contains(factory.Services.GetServices<IHostedService>(), service => ReferenceEquals(service, drain));
    }

    [Fact]
    public void A_drain_longer_than_the_shutdown_timeout_allows_stops_the_start()
    {
        using var factory = new FaqBotFactory().With("Shutdown:DrainSeconds", "21");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("DrainSeconds", error.ToString(), StringComparison.Ordinal);
    }
}
