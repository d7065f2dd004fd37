using System.Numerics;
using System.Runtime.InteropServices;

namespace FaqBot.Core.Safety.Semantic;

/// <summary>A category's decision rule: a piece of a message belongs to the category when its
/// score (the mean similarity of its nearest examples of the category) reaches
/// <see cref="Score"/> and beats the harmless examples' score by <see cref="Margin"/>. Chosen by
/// leave-one-out over the examples; <see cref="Recall"/> and <see cref="FalseRaises"/> are what
/// it did there.</summary>
public sealed record CategoryThreshold(SafetyCategory Category, double Score, double Margin, double Recall, double FalseRaises);

/// <summary>An example near a piece of a message, and how near (cosine similarity).</summary>
public sealed record NearExample(string Id, SafetyCategory? Category, double Similarity);

/// <summary>The labelled examples' vectors and the thresholds chosen on them. Immutable; one per
/// snapshot of examples and model.</summary>
public sealed class ExampleIndex
{
    private static readonly SafetyCategory[] Raising = [SafetyCategory.Urgent, SafetyCategory.Dosing, SafetyCategory.Diagnostic];

    private readonly SafetyExample[] _examples;
    private readonly float[][] _vectors;
    private readonly int _neighbours;

    private ExampleIndex(SafetyExample[] examples, float[][] vectors, int neighbours)
    {
        _examples = examples;
        _vectors = vectors;
        _neighbours = neighbours;
    }

    public IReadOnlyList<CategoryThreshold> Thresholds { get; private set; } = [];

    public int Count => _examples.Length;

    /// <summary>Builds the index and chooses each category's threshold: the strictest (score,
    /// margin) pair that still catches the wanted share of the category's examples when each is
    /// left out, with the fewest examples of other labels raised to it.</summary>
    public static ExampleIndex Build(SafetyExamples examples, IReadOnlyList<ReadOnlyMemory<float>> vectors, SemanticSafetyOptions options)
    {
        if (vectors.Count != examples.Count)
        {
            throw new ArgumentException($"{vectors.Count} vectors for {examples.Count} examples", nameof(vectors));
        }

        var index = new ExampleIndex([.. examples.All], [.. vectors.Select(v => Normalised(v.Span))], options.Neighbours);
        index.Thresholds = [.. Raising.Select(c => index.Choose(c, c == SafetyCategory.Urgent ? options.UrgentRecall : options.DeclineRecall))];
        return index;
    }

    /// <summary>Each category's score for one piece of a message (its vector, normalised), and the nearest examples.</summary>
    public PieceScores Score(ReadOnlySpan<float> vector, int nearest = 3)
    {
        var query = Normalised(vector);
        var similarities = new double[_examples.Length];
        for (var i = 0; i < _examples.Length; i++)
        {
            similarities[i] = Dot(query, _vectors[i]);
        }

        var order = Enumerable.Range(0, _examples.Length).OrderByDescending(i => similarities[i]).Take(nearest);
        return new PieceScores(
            Mean(similarities, null, skip: -1),
            Raising.ToDictionary(c => c, c => Mean(similarities, c, skip: -1)),
            [.. order.Select(i => new NearExample(_examples[i].Id, _examples[i].Category, Math.Round(similarities[i], 3)))]);
    }

    /// <summary>The category the scores reach, most severe first, or null.</summary>
    public SafetyCategory? Decide(PieceScores scores)
    {
        foreach (var threshold in Thresholds)
        {
            var score = scores.ByCategory[threshold.Category];
            if (score >= threshold.Score && score - scores.Harmless >= threshold.Margin)
            {
                return threshold.Category;
            }
        }

        return null;
    }

    private CategoryThreshold Choose(SafetyCategory category, double wantedRecall)
    {
        var n = _examples.Length;
        var own = new List<(double Score, double Margin)>();
        var others = new List<(double Score, double Margin)>();
        var similarities = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                similarities[j] = Dot(_vectors[i], _vectors[j]);
            }

            var score = Mean(similarities, category, skip: i);
            var harmless = Mean(similarities, null, skip: i);
            (_examples[i].Category == category ? own : others).Add((score, score - harmless));
        }

        if (own.Count == 0)
        {
            return new CategoryThreshold(category, double.PositiveInfinity, double.PositiveInfinity, 0, 0);
        }

        CategoryThreshold? best = null;
        for (var s = 20; s <= 95; s++)
        {
            for (var m = -15; m <= 25; m++)
            {
                var (score, margin) = (s / 100.0, m / 100.0);
                var recall = own.Count(p => p.Score >= score && p.Margin >= margin) / (double)own.Count;
                if (recall < wantedRecall)
                {
                    continue;
                }

                var falseRaises = others.Count == 0 ? 0 : others.Count(p => p.Score >= score && p.Margin >= margin) / (double)others.Count;
                if (best is null || falseRaises < best.FalseRaises || (falseRaises == best.FalseRaises && score + margin > best.Score + best.Margin))
                {
                    best = new CategoryThreshold(category, score, margin, recall, falseRaises);
                }
            }
        }

        // No pair reaches the wanted recall on the examples: take the loosest, which catches the most.
        return best ?? new CategoryThreshold(category, 0.20, -0.15,
            own.Count(p => p.Score >= 0.20 && p.Margin >= -0.15) / (double)own.Count,
            others.Count == 0 ? 0 : others.Count(p => p.Score >= 0.20 && p.Margin >= -0.15) / (double)others.Count);
    }

    /// <summary>The mean of the <see cref="_neighbours"/> highest similarities among examples labelled
    /// <paramref name="label"/>, leaving out example <paramref name="skip"/>; 0 when there are none.</summary>
    private double Mean(double[] similarities, SafetyCategory? label, int skip)
    {
        Span<double> top = stackalloc double[_neighbours];
        top.Fill(double.NegativeInfinity);
        var found = 0;
        for (var i = 0; i < similarities.Length; i++)
        {
            if (i == skip || _examples[i].Category != label)
            {
                continue;
            }

            found++;
            var value = similarities[i];
            var smallest = 0;
            for (var k = 1; k < top.Length; k++)
            {
                smallest = top[k] < top[smallest] ? k : smallest;
            }

            if (value > top[smallest])
            {
                top[smallest] = value;
            }
        }

        if (found == 0)
        {
            return 0;
        }

        double sum = 0;
        var count = 0;
        foreach (var value in top)
        {
            if (!double.IsNegativeInfinity(value))
            {
                sum += value;
                count++;
            }
        }

        return sum / count;
    }

    private static float[] Normalised(ReadOnlySpan<float> vector)
    {
        var copy = vector.ToArray();
        var length = MathF.Sqrt(Dot(copy, copy));
        if (length > 0)
        {
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] /= length;
            }
        }

        return copy;
    }

    private static float Dot(float[] a, float[] b)
    {
        if (a.Length != b.Length)
        {
            throw new InvalidOperationException($"vectors of {a.Length} and {b.Length} dimensions: the examples were encoded by another model");
        }

        var sum = Vector<float>.Zero;
        var wide = MemoryMarshal.Cast<float, Vector<float>>(a.AsSpan());
        var wideB = MemoryMarshal.Cast<float, Vector<float>>(b.AsSpan());
        for (var i = 0; i < wide.Length; i++)
        {
            sum += wide[i] * wideB[i];
        }

        var total = Vector.Sum(sum);
        for (var i = wide.Length * Vector<float>.Count; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}

/// <summary>One piece's scores: harmless, each raising category, and its nearest examples.</summary>
public sealed record PieceScores(double Harmless, IReadOnlyDictionary<SafetyCategory, double> ByCategory, IReadOnlyList<NearExample> Nearest);
