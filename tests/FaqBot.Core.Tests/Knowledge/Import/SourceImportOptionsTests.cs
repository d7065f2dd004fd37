using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge.Import;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Tests.Knowledge.Import;

public sealed class SourceImportOptionsTests
{
    [Theory]
    [InlineData("Sources:MaxUploadBytes", "0", "MaxUploadBytes")]
    [InlineData("Sources:MaxUploadBytes", "-5", "MaxUploadBytes")]
    [InlineData("Sources:ExtractionTimeoutMilliseconds", "10", "ExtractionTimeoutMilliseconds")]
    public void Invalid_limits_fail_naming_the_key(string key, string value, string name)
    {
        using var services = Services(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourceImportOptions>>().Value);

        Assert.Contains(name, string.Join(' ', error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registered_importer_writes_to_the_configured_knowledge_folder_within_the_configured_limit()
    {
        using var temp = new TempFolder();
        using var services = Services(new() { ["Knowledge:Path"] = temp.Path, ["Sources:MaxUploadBytes"] = "2048" });
        var importer = services.GetRequiredService<SourceImporter>();

        var error = await Assert.ThrowsAsync<SourceImportException>(() => importer.ImportTextAsync(new string('a', 2049), new SourceDetails("Test Clinic")));
        var source = await importer.ImportTextAsync("Short text.", new SourceDetails("Test Clinic"));

        Assert.Equal(SourceImportFailure.TooLarge, error.Reason);
        Assert.Contains("the limit is 2 KB", error.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(temp.Path, "sources", "short-text.txt"), source.Path);
        Assert.True(File.Exists(source.Path));
        Assert.Equal(10 * 1024 * 1024, new SourceImportOptions().MaxUploadBytes);
        Assert.Equal(20_000, new SourceImportOptions().ExtractionTimeoutMilliseconds);
    }

    private static ServiceProvider Services(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?> { ["Clinic:Name"] = "Test Clinic", ["Clinic:Phone"] = "555-0100" };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddFaqBotCore(configuration, Path.Combine(Path.GetTempPath(), "root")).BuildServiceProvider();
    }
}
