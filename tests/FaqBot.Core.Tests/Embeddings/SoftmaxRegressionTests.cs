using FaqBot.Core.Embeddings;

namespace FaqBot.Core.Tests.Embeddings;

public sealed class SoftmaxRegressionTests
{
    private static readonly float[][] Vectors = [[1, 0, 0.2f], [0.9f, 0.1f, 0], [0, 1, 0.1f], [0.1f, 0.8f, 0.3f], [0.2f, 0.1f, 1], [0, 0.2f, 0.9f]];

    private static readonly int[] Labels = [0, 0, 1, 1, 2, 2];

    [Fact]
    public void A_written_model_reads_back_with_the_same_predictions()
    {
        var model = SoftmaxRegression.Train(Vectors, Labels, 3, 0.01);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.Write(writer);
        }

        stream.Position = 0;
        var read = SoftmaxRegression.Read(new BinaryReader(stream));

        Assert.Equal(3, read.Labels);
        Assert.Equal(3, read.Dimensions);
        foreach (var vector in Vectors)
        {
            Assert.Equal(model.Predict(vector), read.Predict(vector));
        }

        Assert.Equal(2, Array.IndexOf(read.Predict([0.1f, 0, 1]), read.Predict([0.1f, 0, 1]).Max()));
    }

    [Fact]
    public void Data_of_an_implausible_size_is_refused()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(int.MaxValue);
            writer.Write(2);
        }

        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => SoftmaxRegression.Read(new BinaryReader(stream)));
    }
}
