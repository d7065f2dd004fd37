using FaqBot.Core.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace FaqBot.Core.Tests.Embeddings;

/// <summary>Vectors of fixed sets of texts on disk: a second load encodes nothing, a changed text is
/// encoded alone, and a damaged, foreign or unwritable file only costs encoding again.</summary>
public sealed class EmbeddingStoreTests : IDisposable
{
    private static readonly string[] Examples = ["I want to end it all", "How much does an infusion cost?", "Can I drive home?"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "faqbot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_second_load_of_the_same_texts_encodes_nothing()
    {
        var generator = CountingGenerator.Create();
        var first = await LoadAsync(generator, Examples);
        var second = await LoadAsync(generator, Examples);

        Assert.Equal(Examples, Assert.Single(generator.Calls()));
        Assert.Equal(first, second);
        Assert.Equal(Examples.Select(CountingGenerator.VectorOf), second);
    }

    [Fact]
    public async Task A_changed_text_is_encoded_alone()
    {
        var generator = CountingGenerator.Create();
        await LoadAsync(generator, Examples);
        string[] edited = [Examples[0], "Can I drive myself home afterwards?", Examples[2]];

        var vectors = await LoadAsync(generator, edited);

        Assert.Equal(["Can I drive myself home afterwards?"], generator.Calls()[^1]);
        Assert.Equal(edited.Select(CountingGenerator.VectorOf), vectors);
    }

    [Fact]
    public async Task Texts_no_longer_in_the_set_leave_its_file()
    {
        var generator = CountingGenerator.Create();
        await LoadAsync(generator, Examples);
        await LoadAsync(generator, Examples[..1]);

        await LoadAsync(generator, Examples);

        Assert.Equal(Examples[1..], generator.Calls()[^1]);
    }

    [Fact]
    public async Task Repeated_texts_are_encoded_once()
    {
        var generator = CountingGenerator.Create();

        var vectors = await LoadAsync(generator, ["same", "other", "same"]);

        Assert.Equal(["same", "other"], Assert.Single(generator.Calls()));
        Assert.Equal(vectors[0], vectors[2]);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("cut short")]
    [InlineData("one byte changed")]
    [InlineData("empty")]
    public async Task A_damaged_file_is_ignored_and_written_again(string damage)
    {
        var generator = CountingGenerator.Create();
        await LoadAsync(generator, Examples);
        var path = Store(generator).PathOf("examples")!;
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, damage switch
        {
            "garbage" => "not a vector file at all"u8.ToArray(),
            "cut short" => bytes[..(bytes.Length / 2)],
            "one byte changed" => [.. bytes[..^33], (byte)(bytes[^33] ^ 1), .. bytes[^32..]], // the last vector's last byte
            _ => [],
        });

        var vectors = await LoadAsync(generator, Examples);
        await LoadAsync(generator, Examples);

        Assert.Equal(Examples.Select(CountingGenerator.VectorOf), vectors);
        Assert.Equal(2, generator.Calls().Count); // the damaged file's texts once more, then read from the new file
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task Another_model_never_reads_these_vectors()
    {
        var first = CountingGenerator.Create("model-a");
        var second = CountingGenerator.Create("model-b");
        await LoadAsync(first, Examples);

        await LoadAsync(second, Examples);

        Assert.Equal(Examples, Assert.Single(second.Calls()));
        Assert.NotEqual(Store(first).PathOf("examples"), Store(second).PathOf("examples"));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_costs_encoding_but_never_fails()
    {
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(file, "");
        var generator = CountingGenerator.Create();
        var store = new EmbeddingStore(generator.Object, Options.Create(new EmbeddingOptions { CachePath = Path.Combine(file, "embeddings") }), NullLogger<EmbeddingStore>.Instance);

        var vectors = await store.GetOrEncodeAsync("examples", Examples, CancellationToken.None);

        Assert.Equal(Examples.Select(CountingGenerator.VectorOf), vectors.Select(v => v.ToArray()));
    }

    [Fact]
    public async Task A_call_waiting_when_its_host_stops_still_goes_on()
    {
        var release = new TaskCompletionSource();
        var generator = CountingGenerator.Create();
        generator.Setup(g => g.GenerateAsync(It.IsAny<IEnumerable<string>>(), It.IsAny<EmbeddingGenerationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(async (IEnumerable<string> texts, EmbeddingGenerationOptions? _, CancellationToken _) =>
            {
                await release.Task;
                return new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(CountingGenerator.VectorOf(t))));
            });
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services,
            new EmbeddingStore(generator.Object, Options.Create(new EmbeddingOptions()), NullLogger<EmbeddingStore>.Instance));
        var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<EmbeddingStore>(provider);

        var first = store.GetOrEncodeAsync("examples", Examples, CancellationToken.None);
        var waiting = store.GetOrEncodeAsync("snippets", ["a snippet"], CancellationToken.None);
        await provider.DisposeAsync();
        release.SetResult();

        await first.WaitAsync(TimeSpan.FromSeconds(30));
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Without_a_folder_nothing_is_kept()
    {
        var generator = CountingGenerator.Create();
        var store = new EmbeddingStore(generator.Object, Options.Create(new EmbeddingOptions()), NullLogger<EmbeddingStore>.Instance);

        await store.GetOrEncodeAsync("examples", Examples, CancellationToken.None);
        await store.GetOrEncodeAsync("examples", Examples, CancellationToken.None);

        Assert.Null(store.PathOf("examples"));
        Assert.Equal(2, generator.Calls().Count);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("")]
    [InlineData("with space")]
    public async Task A_set_name_that_is_not_a_plain_name_is_refused(string set)
    {
        var store = Store(CountingGenerator.Create());

        await Assert.ThrowsAsync<ArgumentException>(() => store.GetOrEncodeAsync(set, Examples, CancellationToken.None));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private EmbeddingStore Store(Mock<IEmbeddingGenerator<string, Embedding<float>>> generator) =>
        new(generator.Object, Options.Create(new EmbeddingOptions { CachePath = _folder }), NullLogger<EmbeddingStore>.Instance);

    /// <summary>Loads the set as a new start would: a store of its own over the same folder.</summary>
    private async Task<float[][]> LoadAsync(Mock<IEmbeddingGenerator<string, Embedding<float>>> generator, string[] texts)
    {
        var store = Store(generator);
        return [.. (await store.GetOrEncodeAsync("examples", texts, CancellationToken.None)).Select(v => v.ToArray())];
    }
}
