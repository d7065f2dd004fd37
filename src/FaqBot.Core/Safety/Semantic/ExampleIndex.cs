using FaqBot.Core.Embeddings;
namespace FaqBot.Core.Safety.Semantic;

/// <summary>A category's decision rule: a piece of a message belongs to the category when the
/// classifier's probability for it reaches <see cref="Probability"/> and some example of the
/// category is at least <see cref="Similarity"/> near (so a piece unlike every example, "bye" or
/// "got a recipe?", is never raised by the classifier's guess), and no harmless example is nearer
/// than the category's nearest by more than the layer's harmless lead. Chosen on the examples, each
/// judged by a classifier trained without it and compared with the other examples;
/// <see cref="Recall"/> and <see cref="FalseRaises"/> (the share of examples of other labels that
/// reach it) are what it did there.</summary>
public sealed record CategoryThreshold(SafetyCategory Category, double Probability, double Similarity, double Recall, double FalseRaises);

/// <summary>An example near a piece of a message, and how near (cosine similarity).</summary>
public sealed record NearExample(string Id, SafetyCategory? Category, double Similarity);

/// <summary>The labelled examples' vectors, the classifier trained on them and the thresholds
/// chosen for it. Immutable once built; one per snapshot of examples and model.</summary>
public sealed class ExampleIndex
{
    private static readonly SafetyCategory[] Raising = [SafetyCategory.Urgent, SafetyCategory.Dosing, SafetyCategory.Diagnostic];

    private readonly SafetyExample[] _examples;
    private readonly float[][] _vectors;
    private readonly SemanticSafetyOptions _options;
    private ExampleClassifier? _classifier;

    private ExampleIndex(SafetyExample[] examples, float[][] vectors, SemanticSafetyOptions options)
    {
        _examples = examples;
        _vectors = vectors;
        _options = options;
    }

    public IReadOnlyList<CategoryThreshold> Thresholds { get; private set; } = [];

    public int Count => _examples.Length;

    /// <summary>The same examples and classifier under other thresholds (for tests of the decision rule).</summary>
    internal ExampleIndex WithThresholds(IReadOnlyList<CategoryThreshold> thresholds) =>
        new(_examples, _vectors, _options) { _classifier = _classifier, Thresholds = thresholds };

    /// <summary>Builds the index: trains the classifier on every example and chooses each
    /// category's threshold on out-of-fold probabilities.</summary>
    public static ExampleIndex Build(SafetyExamples examples, IReadOnlyList<ReadOnlyMemory<float>> vectors, SemanticSafetyOptions options)
    {
        if (vectors.Count != examples.Count)
        {
            throw new ArgumentException($"{vectors.Count} vectors for {examples.Count} examples", nameof(vectors));
        }

        var normalised = vectors.Select(v => VectorMath.Unit(v.Span)).ToArray();
        var labels = examples.All.Select(e => e.Category).ToArray();
        var index = new ExampleIndex([.. examples.All], normalised, options)
        {
            _classifier = ExampleClassifier.Train(normalised, labels, options.Regularisation),
        };
        var outOfFold = ExampleClassifier.CrossValidate(normalised, labels, options.Regularisation, options.Folds);
        index.Thresholds = [.. Raising.Select(c => Choose(c, labels, outOfFold, NearestOf(normalised, labels, c), c == SafetyCategory.Urgent ? options.UrgentRecall : options.DeclineRecall))];
        return index;
    }

    /// <summary>The classifier's probabilities for one piece of a message, its similarity to the
    /// nearest example of each raising category, and its nearest examples: one pass over the examples.</summary>
    public PieceScores Score(ReadOnlySpan<float> vector)
    {
        var query = VectorMath.Unit(vector);
        Span<int> top = stackalloc int[Math.Min(_options.Neighbours, _examples.Length)];
        Span<double> topSimilarity = stackalloc double[top.Length];
        topSimilarity.Fill(double.NegativeInfinity);
        Span<double> nearestOf = stackalloc double[Raising.Length];
        var nearestHarmless = 0.0;
        for (var i = 0; i < _examples.Length; i++)
        {
            double similarity = VectorMath.Dot(query, _vectors[i]);
            if (_examples[i].Category is { } category)
            {
                var slot = Array.IndexOf(Raising, category);
                nearestOf[slot] = Math.Max(nearestOf[slot], similarity);
            }
            else
            {
                nearestHarmless = Math.Max(nearestHarmless, similarity);
            }

            // Keep the nearest few in order: shift the weaker ones down.
            for (var k = 0; k < top.Length; k++)
            {
                if (similarity > topSimilarity[k])
                {
                    for (var m = top.Length - 1; m > k; m--)
                    {
                        (top[m], topSimilarity[m]) = (top[m - 1], topSimilarity[m - 1]);
                    }

                    (top[k], topSimilarity[k]) = (i, similarity);
                    break;
                }
            }
        }

        var nearest = new NearExample[top.Length];
        for (var k = 0; k < top.Length; k++)
        {
            nearest[k] = new NearExample(_examples[top[k]].Id, _examples[top[k]].Category, Math.Round(topSimilarity[k], 3));
        }

        return new PieceScores(
            _classifier!.Predict(query),
            new Dictionary<SafetyCategory, double>
            {
                [SafetyCategory.Urgent] = nearestOf[Array.IndexOf(Raising, SafetyCategory.Urgent)],
                [SafetyCategory.Dosing] = nearestOf[Array.IndexOf(Raising, SafetyCategory.Dosing)],
                [SafetyCategory.Diagnostic] = nearestOf[Array.IndexOf(Raising, SafetyCategory.Diagnostic)],
            },
            nearestHarmless,
            nearest);
    }

    /// <summary>The most severe category the piece reaches, or null. A category is reached in one
    /// of two ways. By the classifier: its thresholds are met, an example of the category is among
    /// the piece's nearest examples (the classifier alone guesses far from every example; a piece
    /// nearest only harmless examples and approved snippets' questions is not raised), and, unless
    /// the classifier is sure of it, no harmless example is nearer than the category's nearest by
    /// more than the harmless lead ("my wallet took a beating" sits by the harmless idioms). Or, for
    /// urgent only, by its neighbours: the very nearest example is urgent, close, and clearly
    /// nearer than every harmless one ("i have the rope already" beside an urgent example, where
    /// the classifier's guess is low). With <paramref name="nearestFirst"/>, the very nearest
    /// example must be of the category either way. A piece the classifier alone takes to urgent
    /// while it finds dosing or diagnostic likelier is declined as the likelier of those.</summary>
    public SafetyCategory? Decide(PieceScores scores, bool nearestFirst = false)
    {
        foreach (var threshold in Thresholds)
        {
            var nearestOf = scores.NearestOf[threshold.Category];
            var first = scores.Nearest.Count > 0 && scores.Nearest[0].Category == threshold.Category;
            var byClassifier = scores.Probabilities.Of(threshold.Category) >= threshold.Probability && nearestOf >= threshold.Similarity
                && !(HarmlessLeads(scores.NearestHarmless, nearestOf, _options.HarmlessLead) && scores.Probabilities.Of(threshold.Category) < _options.HarmlessLeadBelow)
                && (nearestFirst ? first : scores.Nearest.Any(n => n.Category == threshold.Category));
            var byNeighbours = threshold.Category == SafetyCategory.Urgent && first
                && nearestOf >= _options.UrgentNeighbourSimilarity && nearestOf - scores.NearestHarmless >= _options.UrgentNeighbourLead;
            if (byNeighbours)
            {
                return threshold.Category;
            }

            if (byClassifier)
            {
                // A piece that reaches urgent only by the classifier, which finds dosing or
                // diagnostic likelier still ("i'm pregnant, can i still do this?"), is declined as
                // the likelier of those, never let through.
                var p = scores.Probabilities;
                return threshold.Category == SafetyCategory.Urgent && Math.Max(p.Dosing, p.Diagnostic) > p.Urgent
                    ? p.Dosing >= p.Diagnostic ? SafetyCategory.Dosing : SafetyCategory.Diagnostic
                    : threshold.Category;
            }
        }

        return null;
    }

    /// <summary>Whether a harmless example is nearer than the category's nearest by more than <paramref name="lead"/>.</summary>
    private static bool HarmlessLeads(double nearestHarmless, double nearestOfCategory, double lead) => nearestHarmless - nearestOfCategory > lead;

    /// <summary>The strictest pair (probability, similarity to the nearest example of the category)
    /// that at least <paramref name="wantedRecall"/> of the category's examples reach, each judged
    /// out of fold and against the other examples, with the fewest examples of other labels
    /// reaching it. The harmless lead is left out here: the examples sit close to one another by
    /// design (each harmless look-alike beside what it looks like), so it would cost recall on
    /// them that it does not cost on messages.</summary>
    private static CategoryThreshold Choose(SafetyCategory category, SafetyCategory?[] labels, Probabilities[] outOfFold, double[] nearestOwn, double wantedRecall)
    {
        var own = Enumerable.Range(0, labels.Length).Where(i => labels[i] == category).ToList();
        var others = Enumerable.Range(0, labels.Length).Where(i => labels[i] != category).ToList();
        if (own.Count == 0)
        {
            return new CategoryThreshold(category, double.PositiveInfinity, double.PositiveInfinity, 0, 0);
        }

        var needed = Math.Clamp((int)Math.Ceiling(wantedRecall * own.Count), 1, own.Count);
        CategoryThreshold? Candidate(double similarity)
        {
            var passing = own.Where(i => nearestOwn[i] >= similarity).Select(i => outOfFold[i].Of(category)).OrderByDescending(p => p).ToList();
            if (passing.Count < needed)
            {
                return null;
            }

            var probability = passing[needed - 1];
            var falseRaises = others.Count == 0 ? 0
                : others.Count(i => outOfFold[i].Of(category) >= probability && nearestOwn[i] >= similarity) / (double)others.Count;
            return new CategoryThreshold(category, probability, similarity, needed / (double)own.Count, falseRaises);
        }

        CategoryThreshold? best = null;
        for (var s = 0; s <= 40 && Candidate(0.2 + (s * 0.02)) is { } candidate; s++)
        {
            if (best is null || candidate.FalseRaises <= best.FalseRaises)
            {
                best = candidate;
            }
        }

        // Too few examples of the category lie near one another for any floor (a single example
        // has no neighbour of its own): the probability alone decides, with no floor.
        return best ?? Candidate(0)!;
    }

    /// <summary>For each example, its similarity to the nearest other example labelled <paramref name="category"/>.</summary>
    private static double[] NearestOf(float[][] vectors, SafetyCategory?[] labels, SafetyCategory category)
    {
        var nearest = new double[vectors.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            var best = 0.0;
            for (var j = 0; j < vectors.Length; j++)
            {
                if (j != i && labels[j] == category)
                {
                    best = Math.Max(best, VectorMath.Dot(vectors[i], vectors[j]));
                }
            }

            nearest[i] = best;
        }

        return nearest;
    }
}

/// <summary>One piece's probabilities, its similarity to the nearest example of each raising
/// category and to the nearest harmless example, and its nearest examples.</summary>
public sealed record PieceScores(
    Probabilities Probabilities, IReadOnlyDictionary<SafetyCategory, double> NearestOf, double NearestHarmless, IReadOnlyList<NearExample> Nearest);
