using FaqBot.Core.Embeddings;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace FaqBot.Core.Tests.Embeddings;

/// <summary>The embedded models behind the embedding-generator seam, on the real models (loaded once
/// for the assembly), and what reaches a model, on a recording stand-in.</summary>
public sealed class EmbeddedSentenceEncoderTests
{
    public static TheoryData<EmbeddedModel> Models => [EmbeddedModel.MiniLm, EmbeddedModel.ArcticXs];

    [Theory]
    [MemberData(nameof(Models))]
    public async Task A_paraphrase_is_closer_than_an_unrelated_sentence(EmbeddedModel model)
    {
        var encoder = LoadedEncoders.For(model);
        (string Text, string Paraphrase, string Unrelated)[] triples =
        [
            ("How long does the infusion take?", "How much time should I set aside for the treatment?", "Do you take credit cards?"),
            ("Can I drive home after my appointment?", "Am I allowed to drive myself back after the session?", "What should I wear?"),
            ("I don't see the point in living anymore", "I feel like there is no reason to go on with my life", "Where do I park when I arrive?"),
            ("My chest feels crushed and my left arm is numb", "I have crushing chest pain and my arm went numb", "Is there a waiting room for my partner?"),
        ];

        foreach (var (text, paraphrase, unrelated) in triples)
        {
            var vectors = await encoder.GenerateAsync([text, paraphrase, unrelated]);
            var close = Cosine(vectors[0], vectors[1]);
            var far = Cosine(vectors[0], vectors[2]);
            Assert.True(close > far + 0.05, $"{model}: '{text}' is {close:F3} from its paraphrase and {far:F3} from '{unrelated}'");
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task A_batch_gives_the_vectors_each_text_gets_alone(EmbeddedModel model)
    {
        var encoder = LoadedEncoders.For(model);
        string[] texts =
        [
            .. Enumerable.Range(1, 6).Select(n => string.Join(' ', Enumerable.Repeat("what should I bring", n)) + $" number {n}"),
            "ok",
            "",
            "Wie lange dauert die Infusion? 日本語 💊",
            string.Concat(Enumerable.Repeat("a longer message about the appointment ", 12)),
        ];

        var batch = await encoder.GenerateAsync(texts);

        Assert.Equal(texts.Length, batch.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var alone = (await encoder.GenerateAsync([texts[i]]))[0].Vector.Span;
            var inBatch = batch[i].Vector.Span;
            for (var d = 0; d < alone.Length; d++)
            {
                Assert.True(Math.Abs(alone[d] - inBatch[d]) < 1e-4, $"text {i}, dimension {d}: {alone[d]} alone, {inBatch[d]} in the batch");
            }
        }
    }

    [Fact]
    public async Task Turns_encoding_at_once_get_what_each_gets_alone()
    {
        var encoder = LoadedEncoders.MiniLm;
        string[] texts = ["How long does it take?", "Can I drive home?", "I took all of my pills", "Where do I park?"];
        var alone = new List<float[]>();
        foreach (var text in texts)
        {
            alone.Add((await encoder.GenerateAsync([text]))[0].Vector.ToArray());
        }

        var together = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            (i % texts.Length, (await encoder.GenerateAsync([texts[i % texts.Length]]))[0].Vector.ToArray()))));

        Assert.All(together, result => Assert.Equal(alone[result.Item1], result.Item2));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Vectors_are_unit_length_and_the_models_size(EmbeddedModel model)
    {
        var encoder = LoadedEncoders.For(model);

        var vectors = await encoder.GenerateAsync(["How long does it take?", "", "\uD800 \u202E kms 💊 ｓｕｉｃｉｄａｌ"]);

        Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.Vector.Span.ToArray().Sum(x => (double)x * x)), 4));
        Assert.All(vectors, v => Assert.Equal(encoder.Model.Dimensions, v.Vector.Length));
        var metadata = encoder.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal(encoder.Model.Identity, metadata?.DefaultModelId);
        Assert.Equal(384, metadata?.DefaultModelDimensions);
    }

    [Fact]
    public async Task A_20000_character_text_is_encoded_as_its_first_window()
    {
        var window = string.Concat(Enumerable.Repeat("can I bring my partner to the appointment ", 80));
        var message = window + string.Concat(Enumerable.Repeat("and what about parking ", 900));
        var model = new RecordingSentenceEncoder();
        using var encoder = EmbeddedSentenceEncoder.Load(SentenceModel.MiniLm with { Load = _ => model }, new EmbeddingOptions());

        var vectors = await encoder.GenerateAsync([message]);

        Assert.True(message.Length > 20_000);
        var reached = Assert.Single(model.Batches[^1]);
        Assert.Equal(SentenceModel.MiniLm.MaxWords, reached.Split(' ').Length);
        Assert.StartsWith(reached, window, StringComparison.Ordinal);
        Assert.Single(vectors);
    }

    [Fact]
    public async Task The_real_model_encodes_a_20000_character_text()
    {
        var message = string.Concat(Enumerable.Repeat("can I bring my partner to the appointment? ", 500));
        var window = EncoderInput.Prepare(message, SentenceModel.MiniLm.MaxWords);

        var vectors = await LoadedEncoders.MiniLm.GenerateAsync([message, window]);

        Assert.Equal(vectors[1].Vector.ToArray(), vectors[0].Vector.ToArray());
    }

    [Fact]
    public async Task A_run_cancelled_part_way_ends_as_a_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        var model = new TerminatedRun();
        using var encoder = EmbeddedSentenceEncoder.Load(SentenceModel.MiniLm with { Load = _ => model }, new EmbeddingOptions());
        model.Cancel = cancel;

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => encoder.GenerateAsync(["How long does it take?"], cancellationToken: cancel.Token));

        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    [Fact]
    public async Task A_call_is_split_into_batches_of_similar_length()
    {
        var model = new RecordingSentenceEncoder();
        using var encoder = EmbeddedSentenceEncoder.Load(SentenceModel.MiniLm with { Load = _ => model }, new EmbeddingOptions { MaxBatchSize = 2 });
        string[] texts = ["a b c d e", "a", "a b c", "a b", "a b c d"];

        var vectors = await encoder.GenerateAsync(texts);

        string[][] expected = [["a", "a b"], ["a b c", "a b c d"], ["a b c d e"]];
        Assert.Equal(expected, model.Batches.Skip(1));
        Assert.Equal(texts.Select(t => t.Length), vectors.Select(v => (int)Math.Round(v.Vector.Span[1] / v.Vector.Span[0])));
    }

    [Fact]
    public async Task No_texts_reach_no_model()
    {
        var model = new RecordingSentenceEncoder();
        using var encoder = EmbeddedSentenceEncoder.Load(SentenceModel.MiniLm with { Load = _ => model }, new EmbeddingOptions());

        var vectors = await encoder.GenerateAsync([]);

        Assert.Empty(vectors);
        Assert.Single(model.Batches); // the load's own warm-up
    }

    [Fact]
    public void A_model_that_cannot_load_names_the_setting_that_turns_it_off()
    {
        var broken = SentenceModel.MiniLm with { Load = _ => throw new DllNotFoundException("Unable to load shared library 'onnxruntime'") };

        var error = Assert.Throws<EmbeddingModelLoadException>(() => EmbeddedSentenceEncoder.Load(broken, new EmbeddingOptions()));

        Assert.Contains("all-MiniLM-L6-v2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unable to load shared library 'onnxruntime'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embeddings:Model to None", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embeddings__Model=None", error.Message, StringComparison.Ordinal);
        Assert.IsType<DllNotFoundException>(error.InnerException);
    }

    [Fact]
    public void Disposing_the_encoder_disposes_the_model()
    {
        var model = new RecordingSentenceEncoder();
        var encoder = EmbeddedSentenceEncoder.Load(SentenceModel.MiniLm with { Load = _ => model }, new EmbeddingOptions());

        encoder.Dispose();

        Assert.True(model.Disposed);
    }

    private static double Cosine(Embedding<float> a, Embedding<float> b)
    {
        double dot = 0;
        for (var i = 0; i < a.Vector.Length; i++)
        {
            dot += a.Vector.Span[i] * b.Vector.Span[i];
        }

        return dot; // both are unit length
    }

    /// <summary>A model run stopped by the caller's token: the runtime ends it with an error of its own.</summary>
    private sealed class TerminatedRun : SentenceTransformers.ISentenceEncoder
    {
        private static readonly byte[] NotAModel = [0x01, 0x02, 0x03];

        public CancellationTokenSource? Cancel { get; set; }

        public float[][] Encode(string[] sentences, CancellationToken cancellationToken = default)
        {
            if (Cancel is null)
            {
                return [.. sentences.Select(s => new[] { s.Length + 1f })];
            }

            Cancel.Cancel();
            using var terminated = new Microsoft.ML.OnnxRuntime.InferenceSession(NotAModel); // throws the runtime's OnnxRuntimeException
            return [];
        }
    }
}
