using System.Net;
using FaqBot.Web.Tests.TestSupport;

namespace FaqBot.Web.Tests.Chat;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_healthy_on_the_shipped_knowledge()
    {
        using var factory = new FaqBotFactory();

        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_is_unhealthy_when_no_snippet_serves_any_more()
    {
        var future = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(30));
        using var factory = new FaqBotFactory().WithServices(s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(s, future));

        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
