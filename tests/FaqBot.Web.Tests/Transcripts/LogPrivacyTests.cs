using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.Web.Tests.Transcripts;

public sealed class LogPrivacyTests
{
    [Fact]
    public async Task A_patients_words_never_reach_the_log_even_at_the_most_detailed_level()
    {
        var provider = new CapturingLoggerProvider();
        var data = Path.Combine(Path.GetTempPath(), "faqbot-logs-" + Guid.NewGuid().ToString("N"));
        using (var factory = new FaqBotFactory()
            .With("Storage:DataPath", data)
            .With("Logging:LogLevel:Default", "Trace")
            .WithServices(services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(provider))))
        {
            var client = await DirectLineClient.StartAsync(factory.CreateClient());
            await client.SayAsync("my name is Rosalind Quimby, phone 555-301-8842. I want to die");
            await client.SayAsync("Do you validate parking for Rosalind Quimby's car?");
            await client.ReadAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
        Assert.NotEmpty(provider.Lines);
        Assert.DoesNotContain(provider.Lines, line => line.Contains("Quimby", StringComparison.OrdinalIgnoreCase) || line.Contains("301-8842", StringComparison.Ordinal));
    }
}
