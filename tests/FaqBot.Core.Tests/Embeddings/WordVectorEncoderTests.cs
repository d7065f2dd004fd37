using FaqBot.Core.Embeddings;

namespace FaqBot.Core.Tests.Embeddings;

public sealed class WordVectorEncoderTests
{
    private static readonly Lazy<WordVectorEncoder> Encoder = new(() => WordVectorEncoder.Load(SentenceModel.MiniLm, threads: 1));

    [Fact]
    public void Each_word_gets_one_vector_that_depends_on_its_context()
    {
        string[] first = ["Grace", "will", "drive", "me", "home", "."];
        string[] second = ["Is", "there", "a", "grace", "period", "?"];

        var a = Encoder.Value.Encode(first);
        var b = Encoder.Value.Encode(second);

        Assert.Equal(first.Length, a.Length);
        Assert.All(a, v => Assert.Equal(SentenceModel.MiniLm.Dimensions, v.Length));
        Assert.True(VectorMath.Dot(VectorMath.Unit(a[0]), VectorMath.Unit(b[3])) < 0.95);
    }

    [Fact]
    public void Words_beyond_one_window_are_read_in_further_windows()
    {
        var words = Enumerable.Range(0, 3 * WordVectorEncoder.WindowPieces).Select(i => i % 2 == 0 ? "ok" : ",").ToArray();

        var vectors = Encoder.Value.Encode(words);

        Assert.Equal(words.Length, vectors.Length);
        Assert.All(vectors, v => Assert.Contains(v, x => x != 0));
    }

    [Fact]
    public void A_word_of_many_pieces_and_an_empty_word_still_get_a_vector()
    {
        var vectors = Encoder.Value.Encode([new string('!', 10_000), "", "ok"]);

        Assert.All(vectors, v => Assert.Equal(SentenceModel.MiniLm.Dimensions, v.Length));
    }
}
