using FaqBot.Core.Embeddings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.Tests;

/// <summary>The sentence encoder's vector files live beside the database unless
/// <c>Embeddings:CachePath</c> names another folder, whichever registration comes first.</summary>
public sealed class EmbeddingFolderTests
{
    private static readonly string DataPath = Path.Combine(Path.GetTempPath(), "faqbot-data");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void By_default_the_vector_files_are_in_the_data_folder(bool storageFirst)
    {
        using var services = Build(storageFirst, ("Embeddings:Model", "None"));

        Assert.Equal(Path.Combine(DataPath, EmbeddingOptions.DefaultFolder), services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.CachePath);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_configured_folder_is_kept(bool storageFirst)
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "faqbot-vectors");
        using var services = Build(storageFirst, ("Embeddings:Model", "None"), ("Embeddings:CachePath", elsewhere));

        Assert.Equal(elsewhere, services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.CachePath);
    }

    private static ServiceProvider Build(bool storageFirst, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))
                .Append(KeyValuePair.Create("Storage:DataPath", (string?)DataPath)))
            .Build();
        var services = new ServiceCollection();
        if (storageFirst)
        {
            services.AddFaqBotStorage(configuration, DataPath);
        }

        services.AddFaqBotEmbeddings(configuration, DataPath);
        if (!storageFirst)
        {
            services.AddFaqBotStorage(configuration, DataPath);
        }

        return services.BuildServiceProvider();
    }
}
