using FaqBot.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Tests.Configuration;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Retrieval:MinConfidence", "1.5", "MinConfidence")]
    [InlineData("Retrieval:DirectAnswerConfidence", "0.1", "DirectAnswerConfidence")]
    [InlineData("Retrieval:Hybrid:AnswerConfidence", "1.5", "Retrieval:Hybrid: The field AnswerConfidence")]
    [InlineData("Retrieval:Hybrid:ClarifyConfidence", "0.95", "ClarifyConfidence (0.95) must not be above AnswerConfidence")]
    [InlineData("Retrieval:Hybrid:LexicalWeight", "0.8", "LexicalWeight + ClauseWeight")]
    [InlineData("Input:MaxQuestionLength", "0", "MaxQuestionLength")]
    [InlineData("Clinic:Phone", "", "Phone")]
    [InlineData("Clinic:Region", "usa", "Clinic:Region must be a two-letter country code")]
    [InlineData("Clinic:OpeningHours", "weekdays 9 to 5", "Clinic:OpeningHours or Clinic:TimeZone cannot be read")]
    [InlineData("Clinic:TimeZone", "Central", "Clinic:OpeningHours or Clinic:TimeZone cannot be read")]
    public void Invalid_settings_fail_naming_the_key(string key, string value, string name)
    {
        using var services = Services(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            _ = services.GetRequiredService<IOptions<InputOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ClinicOptions>>().Value;
        });

        Assert.Contains(name, string.Join(' ', error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_knowledge_path_is_resolved_against_the_content_root()
    {
        using var services = Services(new Dictionary<string, string?> { ["Knowledge:Path"] = "kb" });

        var path = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.Path;

        Assert.Equal(Path.GetFullPath(Path.Combine(Path.GetTempPath(), "root", "kb")), path);
    }

    private static ServiceProvider Services(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Clinic:Name"] = "Test Clinic",
            ["Clinic:Phone"] = "555-0100",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddFaqBotCore(configuration, Path.Combine(Path.GetTempPath(), "root")).BuildServiceProvider();
    }
}
