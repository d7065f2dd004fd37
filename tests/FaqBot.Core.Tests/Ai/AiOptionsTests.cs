using FaqBot.Core.Ai;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Tests.Ai;

/// <summary>The <c>Ai</c> section: what a provider needs, and a key is never read from a file.</summary>
public sealed class AiOptionsTests
{
    [Fact]
    public void No_provider_needs_nothing_else()
    {
        using var services = Services([]);

        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;

        Assert.Equal(AiProvider.None, options.Provider);
        Assert.False(options.HasChatModel);
        Assert.False(options.HasEmbeddingModel);
    }

    [Fact]
    public void No_provider_ignores_half_set_model_settings()
    {
        using var services = Services(new() { ["Ai:Provider"] = "None", ["Ai:ChatModel"] = "gpt-test", ["Ai:BaseUrl"] = "not a url" });

        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;

        Assert.False(options.HasChatModel);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("/v1")]
    [InlineData("localhost:11434/v1")]
    [InlineData("ftp://models.example.com/v1")]
    [InlineData("file:///tmp/model")]
    public void An_openai_compatible_provider_needs_an_absolute_http_base_url(string? baseUrl)
    {
        using var services = Services(new() { ["Ai:Provider"] = "OpenAICompatible", ["Ai:BaseUrl"] = baseUrl, ["Ai:ChatModel"] = "gpt-test" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);

        Assert.Contains("Ai:BaseUrl must be an absolute http(s) address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:11434/v1")]
    [InlineData("https://api.example.com/v1")]
    public void An_openai_compatible_provider_with_a_base_url_and_a_model_is_valid(string baseUrl)
    {
        using var services = Services(new() { ["Ai:Provider"] = "OpenAICompatible", ["Ai:BaseUrl"] = baseUrl, ["Ai:ChatModel"] = "gpt-test" });

        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;

        Assert.True(options.HasChatModel);
        Assert.False(options.HasEmbeddingModel);
    }

    [Fact]
    public void An_openai_compatible_provider_needs_a_chat_or_an_embedding_model()
    {
        using var services = Services(new() { ["Ai:Provider"] = "OpenAICompatible", ["Ai:BaseUrl"] = "http://localhost:11434/v1", ["Ai:ChatModel"] = " " });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);

        Assert.Contains("Ai:ChatModel or Ai:EmbeddingModel must be set", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embedding_model_alone_is_enough()
    {
        using var services = Services(new() { ["Ai:Provider"] = "OpenAICompatible", ["Ai:BaseUrl"] = "http://localhost:11434/v1", ["Ai:EmbeddingModel"] = "nomic-embed-text" });

        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;

        Assert.True(options.HasEmbeddingModel);
        Assert.False(options.HasChatModel);
    }

    [Theory]
    [InlineData("Ai:AnswerTimeoutMilliseconds", "50", "AnswerTimeoutMilliseconds")]
    [InlineData("Ai:MaxSnippets", "0", "MaxSnippets")]
    [InlineData("Ai:MaxSnippets", "6", "MaxSnippets")]
    [InlineData("Ai:MaxOutputTokens", "10", "MaxOutputTokens")]
    public void Out_of_range_limits_are_invalid(string key, string value, string name)
    {
        using var services = Services(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_answer_prompt_is_invalid()
    {
        using var services = Services(new() { ["Ai:AnswerPrompt"] = "" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);

        Assert.Contains("AnswerPrompt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_answer_prompt_path_is_resolved_against_the_content_root()
    {
        using var services = Services([]);

        var options = services.GetRequiredService<IOptions<AiOptions>>().Value;

        Assert.Equal(Path.GetFullPath(Path.Combine(ContentRootPath, "prompts", "Answer")), options.AnswerPrompt);
    }

    [Fact]
    public void The_validation_is_the_same_without_dependency_injection()
    {
        var options = new AiOptions { Provider = AiProvider.OpenAICompatible, BaseUrl = "ftp://x", ChatModel = null };

        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Equal(2, results.Count);
        Assert.Empty(new AiOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new AiOptions())));
    }

    private static string ContentRootPath => Repo.Root;

    [Fact]
    public void A_chat_model_without_the_answer_prompt_stops_the_start()
    {
        using var services = Services(new()
        {
            ["Ai:Provider"] = "OpenAICompatible", ["Ai:BaseUrl"] = "http://127.0.0.1:9/v1", ["Ai:ChatModel"] = "m", ["Ai:AnswerPrompt"] = "prompts/NoSuchPrompt",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AiOptions>>().Value);
        Assert.Contains("NoSuchPrompt", error.Message, StringComparison.Ordinal);
        Assert.Contains("skprompt.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_generated_answers_the_answer_prompt_is_not_needed()
    {
        using var services = Services(new()
        {
            ["Ai:Provider"] = "OpenAICompatible", ["Ai:BaseUrl"] = "http://127.0.0.1:9/v1", ["Ai:ChatModel"] = "m",
            ["Ai:AnswerPrompt"] = "prompts/NoSuchPrompt", ["Ai:GenerateAnswers"] = "false",
        });

        Assert.False(services.GetRequiredService<IOptions<AiOptions>>().Value.GenerateAnswers);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddFaqBotAi(configuration, ContentRootPath).BuildServiceProvider();
    }
}
