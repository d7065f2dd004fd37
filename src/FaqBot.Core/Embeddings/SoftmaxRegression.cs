using System.Numerics;

namespace FaqBot.Core.Embeddings;

/// <summary>
/// A softmax (multinomial logistic) regression over sentence vectors: labels 0..K-1, features
/// standardised on the training vectors, L2-regularised, trained by full-batch gradient descent
/// with momentum for a fixed number of steps, so the same examples always give the same model.
/// </summary>
public sealed class SoftmaxRegression
{
    private const int Steps = 300;
    private const double LearningRate = 0.5;
    private const double Momentum = 0.9;

    private readonly float[] _mean;
    private readonly float[] _scale;
    private readonly float[][] _weights;

    private SoftmaxRegression(float[] mean, float[] scale, float[][] weights)
    {
        _mean = mean;
        _scale = scale;
        _weights = weights;
    }

    /// <summary>How many labels the model tells apart.</summary>
    public int Labels => _weights.Length;

    /// <summary>The length of the vectors it reads.</summary>
    public int Dimensions => _mean.Length;

    /// <summary>Trains on <paramref name="vectors"/> labelled <paramref name="labels"/> (each in
    /// 0..<paramref name="labelCount"/>-1) with L2 strength <paramref name="l2"/>.</summary>
    public static SoftmaxRegression Train(IReadOnlyList<float[]> vectors, IReadOnlyList<int> labels, int labelCount, double l2)
    {
        ArgumentOutOfRangeException.ThrowIfZero(vectors.Count);
        ArgumentOutOfRangeException.ThrowIfNotEqual(labels.Count, vectors.Count);
        var n = vectors.Count;
        var d = vectors[0].Length;
        var mean = new float[d];
        var scale = new float[d];
        for (var j = 0; j < d; j++)
        {
            double sum = 0, squares = 0;
            foreach (var v in vectors)
            {
                sum += v[j];
            }

            var m = sum / n;
            foreach (var v in vectors)
            {
                squares += (v[j] - m) * (v[j] - m);
            }

            mean[j] = (float)m;
            scale[j] = squares > 1e-12 ? (float)(1 / Math.Sqrt(squares / n)) : 0;
        }

        var x = vectors.Select(v => Features(v, mean, scale)).ToArray();
        var k = labelCount;
        var width = d + 1;
        var weights = Enumerable.Range(0, k).Select(_ => new float[width]).ToArray();
        var velocity = Enumerable.Range(0, k).Select(_ => new float[width]).ToArray();
        var gradient = Enumerable.Range(0, k).Select(_ => new float[width]).ToArray();
        var p = new double[k];
        for (var step = 0; step < Steps; step++)
        {
            foreach (var g in gradient)
            {
                Array.Clear(g);
            }

            for (var i = 0; i < n; i++)
            {
                Softmax(weights, x[i], p);
                for (var c = 0; c < k; c++)
                {
                    AddScaled(gradient[c], x[i], (float)((p[c] - (labels[i] == c ? 1 : 0)) / n));
                }
            }

            for (var c = 0; c < k; c++)
            {
                for (var j = 0; j < width; j++)
                {
                    var g = gradient[c][j] + (j < d ? (float)l2 * weights[c][j] : 0);
                    velocity[c][j] = (float)((Momentum * velocity[c][j]) - (LearningRate * g));
                    weights[c][j] += velocity[c][j];
                }
            }
        }

        return new SoftmaxRegression(mean, scale, weights);
    }

    /// <summary>The probability of each label for one vector of unit length (the caller normalises it).</summary>
    public double[] Predict(float[] unit)
    {
        var p = new double[_weights.Length];
        Softmax(_weights, Features(unit, _mean, _scale), p);
        return p;
    }

    /// <summary>Writes the model (standardisation and weights) for <see cref="Read"/>.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(_mean.Length);
        writer.Write(_weights.Length);
        foreach (var values in (IEnumerable<float[]>)[_mean, _scale, .. _weights])
        {
            foreach (var value in values)
            {
                writer.Write(value);
            }
        }
    }

    /// <summary>A model written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The data is not a model of a plausible size.</exception>
    public static SoftmaxRegression Read(BinaryReader reader)
    {
        var dimensions = reader.ReadInt32();
        var labels = reader.ReadInt32();
        if (dimensions is < 1 or > 65_536 || labels is < 2 or > 65_536)
        {
            throw new InvalidDataException($"Not a softmax regression: {dimensions} dimensions, {labels} labels.");
        }

        var mean = ReadFloats(dimensions);
        var scale = ReadFloats(dimensions);
        var weights = Enumerable.Range(0, labels).Select(_ => ReadFloats(dimensions + 1)).ToArray();
        return new SoftmaxRegression(mean, scale, weights);

        float[] ReadFloats(int count)
        {
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = reader.ReadSingle();
            }

            return values;
        }
    }

    /// <summary>Out-of-fold probabilities for every vector: each fold is predicted by a model
    /// trained on the other folds (vector i is in fold i mod <paramref name="folds"/>). The folds
    /// train in parallel, except on the <see cref="BuildThread"/>, which keeps its work off the
    /// thread pool.</summary>
    public static double[][] CrossValidate(IReadOnlyList<float[]> vectors, IReadOnlyList<int> labels, int labelCount, double l2, int folds)
    {
        var result = new double[vectors.Count][];
        void Fold(int fold)
        {
            var train = Enumerable.Range(0, vectors.Count).Where(i => i % folds != fold).ToList();
            var model = Train([.. train.Select(i => vectors[i])], [.. train.Select(i => labels[i])], labelCount, l2);
            for (var i = fold; i < vectors.Count; i += folds)
            {
                result[i] = model.Predict(vectors[i]);
            }
        }

        if (BuildThread.IsCurrent)
        {
            for (var fold = 0; fold < folds; fold++)
            {
                Fold(fold);
            }
        }
        else
        {
            Parallel.For(0, folds, Fold);
        }

        return result;
    }

    /// <summary>The standardised features of a unit vector, with a constant 1 for the bias.</summary>
    private static float[] Features(float[] vector, float[] mean, float[] scale)
    {
        var features = new float[vector.Length + 1];
        for (var j = 0; j < vector.Length; j++)
        {
            features[j] = (vector[j] - mean[j]) * scale[j];
        }

        features[^1] = 1;
        return features;
    }

    private static void Softmax(float[][] weights, float[] x, double[] p)
    {
        for (var c = 0; c < p.Length; c++)
        {
            p[c] = VectorMath.Dot(weights[c], x);
        }

        VectorMath.Softmax(p);
    }

    /// <summary>target += factor × source.</summary>
    private static void AddScaled(float[] target, float[] source, float factor)
    {
        var scaled = new Vector<float>(factor);
        var i = 0;
        for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            (new Vector<float>(target, i) + (scaled * new Vector<float>(source, i))).CopyTo(target, i);
        }

        for (; i < target.Length; i++)
        {
            target[i] += factor * source[i];
        }
    }
}
