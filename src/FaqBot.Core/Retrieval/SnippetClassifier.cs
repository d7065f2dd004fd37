using FaqBot.Core.Embeddings;
using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Retrieval;

/// <summary>
/// Which approved snippet a message asks for, which kind of small talk it is, or none: a
/// <see cref="SoftmaxRegression"/> over sentence vectors whose labels are the snippets, the small
/// talk intents and "none", trained on each snippet's title, stored questions and answer sentences,
/// on each intent's examples (<c>knowledge/smalltalk.yaml</c>), and on the out-of-scope questions
/// of <c>knowledge/out-of-scope.yaml</c> for "none". Where the nearest stored question only says which
/// snippet is most alike, the classifier weighs every dimension against every snippet at once, so
/// a message in the patient's own words still lands on the snippet whose examples it shares
/// meaning with, and a message about something no snippet covers lands on "none".
/// </summary>
/// <remarks>Training costs steps × examples × labels × dimensions: with more than
/// <see cref="MaxTrainedLabels"/> labels (a knowledge base of hundreds of snippets) the model would
/// take minutes to train at every reload, so the probabilities are taken from the nearest example
/// of each label instead (a softmax over those similarities), which costs one pass over the
/// examples per piece.</remarks>
public sealed class SnippetClassifier
{
    /// <summary>The most labels (snippets, intents and none) trained as a regression.</summary>
    public const int MaxTrainedLabels = 160;

    /// <summary>Temperature of the nearest-example softmax used above <see cref="MaxTrainedLabels"/>.</summary>
    private const double NearestTemperature = 0.05;

    private readonly Dictionary<string, int> _labelOf;
    private readonly SoftmaxRegression? _model;
    private readonly float[][] _examples;
    private readonly int[] _examplesLabels;

    private SnippetClassifier(Dictionary<string, int> labelOf, SoftmaxRegression? model, float[][] examples, int[] labels)
    {
        _labelOf = labelOf;
        _model = model;
        _examples = examples;
        _examplesLabels = labels;
    }

    /// <summary>Whether the probabilities come from the trained regression (else from each label's nearest example).</summary>
    public bool Trained => _model is not null;

    /// <summary>How many examples the model learned from.</summary>
    public int Examples { get; private init; }

    /// <summary>Trains on the snippets' vectors, each small talk intent's example vectors (by
    /// intent id) and the out-of-scope questions' vectors, all of unit length.</summary>
    public static SnippetClassifier Train(SnippetVectors vectors, IReadOnlyList<(string Intent, float[][] Vectors)> smallTalk, IReadOnlyList<float[]> outOfScope, double l2)
    {
        var labelOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var x = new List<float[]>();
        var y = new List<int>();
        foreach (var snippet in vectors.Snippets)
        {
            var label = labelOf[snippet.Id] = labelOf.Count;
            foreach (var vector in vectors.TrainingVectors(snippet))
            {
                x.Add(vector);
                y.Add(label);
            }
        }

        var intents = new List<string>();
        foreach (var (intent, examples) in smallTalk.Where(s => s.Vectors.Length > 0))
        {
            var label = labelOf[SmallTalkLabel + intent] = labelOf.Count;
            intents.Add(intent);
            foreach (var vector in examples)
            {
                x.Add(vector);
                y.Add(label);
            }
        }

        var none = labelOf.Count;
        foreach (var vector in outOfScope)
        {
            x.Add(vector);
            y.Add(none);
        }

        if (x.Count == 0 || labelOf.Count == 0)
        {
            throw new InvalidOperationException("The snippet classifier needs at least one snippet with a question.");
        }

        var model = none + 1 <= MaxTrainedLabels ? SoftmaxRegression.Train(x, y, none + 1, l2) : null;
        return new SnippetClassifier(labelOf, model, model is null ? [.. x] : [], model is null ? [.. y] : []) { Examples = x.Count, Intents = intents };
    }

    /// <summary>The small talk intents the model tells apart, by id.</summary>
    public IReadOnlyList<string> Intents { get; private init; } = [];

    /// <summary>How an intent's label is kept apart from snippet ids.</summary>
    internal const string SmallTalkLabel = "smalltalk:";

    /// <summary>The probability of each snippet (by id) and of none, for one unit vector.</summary>
    public SnippetProbabilities Predict(float[] unit) => new(_labelOf, _model?.Predict(unit) ?? Nearest(unit));

    /// <summary>A softmax over each label's nearest example's similarity.</summary>
    private double[] Nearest(float[] unit)
    {
        var best = new double[_labelOf.Count + 1];
        Array.Fill(best, -1.0);
        for (var i = 0; i < _examples.Length; i++)
        {
            best[_examplesLabels[i]] = Math.Max(best[_examplesLabels[i]], VectorMath.Dot(_examples[i], unit));
        }

        VectorMath.Softmax(best, NearestTemperature);
        return best;
    }
}

/// <summary>One message piece's probabilities: of each snippet the classifier knows, and of none.</summary>
public sealed class SnippetProbabilities(IReadOnlyDictionary<string, int> labelOf, double[] probabilities)
{
    public double Of(Snippet snippet) => labelOf.TryGetValue(snippet.Id, out var label) ? probabilities[label] : 0;

    /// <summary>The probability of a small talk intent (by id).</summary>
    public double OfSmallTalk(string intent) =>
        labelOf.TryGetValue(SnippetClassifier.SmallTalkLabel + intent, out var label) ? probabilities[label] : 0;

    public double None => probabilities[^1];
}
