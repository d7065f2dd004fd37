using System.Net;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Web.Tests.Security;

/// <summary>Every per-minute limit of the host allows what it says over a minute, and every 429
/// says in Retry-After when the next request will be allowed.</summary>
public sealed class PerMinuteLimitTests
{
    [Theory]
    [InlineData("/api/chat-token", "RateLimits:ChatTokensPerMinute")]
    [InlineData("/api/messages", "RateLimits:MessagesPerMinute")]
    [InlineData("/account/signin", "RateLimits:SignInsPerMinute")]
    [InlineData("/v3/directline/conversations", "RateLimits:DirectLinePerMinute")]
    public async Task A_limit_of_ten_a_minute_allows_ten_in_a_minute_and_retry_after_says_when_the_next_is_allowed(string path, string setting)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new FaqBotFactory().With(setting, "10").WithServices(s => s.AddSingleton<TimeProvider>(time));
        var http = factory.CreateClient();

        var allowed = 0;
        for (var i = 0; i < 10; i++)
        {
            allowed += (await http.PostAsync(path, null)).StatusCode == HttpStatusCode.TooManyRequests ? 0 : 1;
            time.Advance(TimeSpan.FromSeconds(5));
        }

        var eleventh = await http.PostAsync(path, null);
        time.Advance(TimeSpan.FromSeconds(10));
        var beforeTheMinute = await http.PostAsync(path, null);
        time.Advance(TimeSpan.FromSeconds(1));
        var afterIt = await http.PostAsync(path, null);

        Assert.Equal(10, allowed);
        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(11), eleventh.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, beforeTheMinute.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), beforeTheMinute.Headers.RetryAfter?.Delta);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, afterIt.StatusCode);
    }
}
