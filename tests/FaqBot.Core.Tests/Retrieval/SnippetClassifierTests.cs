using FaqBot.Core.Embeddings;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Retrieval;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Core.Tests.Retrieval;

/// <summary>The snippet classifier on vectors made to order: each snippet's texts point one way.</summary>
public sealed class SnippetClassifierTests
{
    private static readonly Snippet Shipped = TestBot.Holder(Repo.Knowledge, new FakeTimeProvider(TestBot.Now)).Current.Snippets[0];

    [Fact]
    public async Task A_few_snippets_are_learned_by_the_regression_and_told_apart()
    {
        var (classifier, snippets) = await Classifier(snippets: 6);

        Assert.True(classifier.Trained);
        var p = classifier.Predict(Direction(2, 0.1f));
        Assert.Equal(snippets[2], snippets.MaxBy(p.Of));
        Assert.True(p.Of(snippets[2]) > 5 * snippets.Where(s => s != snippets[2]).Max(p.Of), $"{p.Of(snippets[2])}");
    }

    /// <summary>Above the label limit the probabilities come from each label's nearest example, so
    /// training stays cheap however many snippets there are; the nearest still wins.</summary>
    [Fact]
    public async Task Hundreds_of_snippets_are_read_by_their_nearest_examples()
    {
        var (classifier, snippets) = await Classifier(snippets: SnippetClassifier.MaxTrainedLabels + 10);

        Assert.False(classifier.Trained);
        var p = classifier.Predict(Direction(100, 0.1f));
        Assert.Equal(snippets[100], snippets.MaxBy(p.Of));
        Assert.True(p.Of(snippets[100]) > 5 * snippets.Where(s => s != snippets[100]).Max(p.Of), $"{p.Of(snippets[100])}");
        Assert.True(5 * p.None < p.Of(snippets[100]), $"none {p.None}");
    }

    [Fact]
    public async Task A_message_like_the_out_of_scope_questions_is_none()
    {
        var (classifier, snippets) = await Classifier(snippets: 6);

        var p = classifier.Predict(Direction(Dimensions - 1, 0.1f));

        Assert.True(p.None > snippets.Max(p.Of), $"none {p.None}");
    }

    private const int Dimensions = 400;

    /// <summary>Snippet i's two texts point along axis i; the out-of-scope questions along the last axis.</summary>
    private static async Task<(SnippetClassifier, List<Snippet>)> Classifier(int snippets)
    {
        var list = Enumerable.Range(0, snippets)
            .Select(i => Shipped with { Id = $"s{i}", Title = $"title {i}", Questions = [$"question {i}"], Body = "Short." })
            .ToList();
        var vectors = await SnippetVectors.BuildAsync(list, (texts, _) =>
            Task.FromResult<IReadOnlyList<ReadOnlyMemory<float>>>([.. texts.Select(t => (ReadOnlyMemory<float>)Direction(int.Parse(t.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), 0.05f))]),
            CancellationToken.None);
        float[][] outOfScope = [Direction(Dimensions - 1, 0.05f), Direction(Dimensions - 1, 0.07f)];
        return (SnippetClassifier.Train(vectors, [], outOfScope, 0.01), list);
    }

    /// <summary>A unit vector mostly along one axis, with a little of every other.</summary>
    private static float[] Direction(int axis, float noise)
    {
        var vector = Enumerable.Repeat(noise, Dimensions).ToArray();
        vector[axis] = 1;
        return VectorMath.Unit(vector);
    }
}
