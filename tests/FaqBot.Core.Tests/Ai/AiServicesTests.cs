using FaqBot.Core.Ai;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Tests.Ai;

/// <summary>Registering the model layer: a key in a settings file stops the start, and the models
/// are created only as configured (without touching the network).</summary>
public sealed class AiServicesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "faqbot-tests", Guid.NewGuid().ToString("N"));

    public AiServicesTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void An_api_key_in_a_settings_file_is_refused_naming_the_environment()
    {
        var file = SettingsFile("""{ "Ai": { "Provider": "OpenAICompatible", "BaseUrl": "https://api.example.com/v1", "ChatModel": "gpt-test", "ApiKey": "sk-in-the-repo" } }""");
        using var services = Services(new ConfigurationBuilder().AddJsonFile(file).Build());

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);

        Assert.Contains("environment", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ai:ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_key_in_a_settings_file_is_refused_even_without_a_provider()
    {
        var file = SettingsFile("""{ "Ai": { "ApiKey": "sk-in-the-repo" } }""");
        using var services = Services(new ConfigurationBuilder().AddJsonFile(file).Build());

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);

        Assert.Contains("environment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_key_in_a_settings_file_is_refused_when_the_environment_also_sets_one()
    {
        var file = SettingsFile("""{ "Ai": { "ApiKey": "sk-in-the-repo" } }""");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(file)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ai:ApiKey"] = "sk-from-the-environment" })
            .Build();
        using var services = Services(configuration);

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);
    }

    [Fact]
    public void An_empty_api_key_in_a_settings_file_is_accepted()
    {
        var file = SettingsFile("""{ "Ai": { "Provider": "OpenAICompatible", "BaseUrl": "http://localhost:11434/v1", "ChatModel": "llama3", "ApiKey": "" } }""");
        using var services = Services(new ConfigurationBuilder().AddJsonFile(file).Build());

        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;

        Assert.True(options.HasChatModel);
    }

    [Fact]
    public void An_api_key_from_the_environment_is_accepted()
    {
        var file = SettingsFile("""{ "Ai": { "Provider": "OpenAICompatible", "BaseUrl": "https://api.example.com/v1", "ChatModel": "gpt-test" } }""");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(file)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ai:ApiKey"] = "sk-from-the-environment" })
            .Build();
        using var services = Services(configuration);

        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;

        Assert.Equal("sk-from-the-environment", options.ApiKey);
    }

    [Fact]
    public void Without_a_provider_there_are_no_models()
    {
        using var services = Services(new ConfigurationBuilder().AddInMemoryCollection([]).Build());

        var models = services.GetRequiredService<AiModels>();

        Assert.Null(models.Chat);
        Assert.Null(models.Embeddings);
        Assert.Same(AiModels.None, AiModels.From(new AiOptions()));
    }

    [Fact]
    public void With_a_provider_and_a_chat_model_there_is_a_chat_client_only()
    {
        using var services = Services(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "OpenAICompatible",
            ["Ai:BaseUrl"] = "http://127.0.0.1:9/v1",
            ["Ai:ChatModel"] = "gpt-test",
        }).Build());

        var models = services.GetRequiredService<AiModels>();

        Assert.NotNull(models.Chat);
        Assert.Null(models.Embeddings);
    }

    [Fact]
    public void With_both_models_configured_both_are_created()
    {
        var models = AiModels.From(new AiOptions
        {
            Provider = AiProvider.OpenAICompatible,
            BaseUrl = "http://127.0.0.1:9/v1",
            ChatModel = "gpt-test",
            EmbeddingModel = "embed-test",
        });

        Assert.NotNull(models.Chat);
        Assert.NotNull(models.Embeddings);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private string SettingsFile(string json)
    {
        var path = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static ServiceProvider Services(IConfiguration configuration) =>
        new ServiceCollection().AddFaqBotAi(configuration, Repo.Root).BuildServiceProvider();
}
