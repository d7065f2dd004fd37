using System.Numerics;

namespace FaqBot.Core.Embeddings;

/// <summary>The arithmetic on sentence vectors that the classifiers and rankers share.</summary>
public static class VectorMath
{
    /// <summary>The dot product of two vectors of the same length, a SIMD lane at a time.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new InvalidOperationException($"Vectors of {a.Length} and {b.Length} dimensions: they were encoded by different models.");
        }

        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    /// <summary>A copy of <paramref name="vector"/> scaled to unit length (all zeros stays zeros).</summary>
    public static float[] Unit(ReadOnlySpan<float> vector)
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

    /// <summary>Turns <paramref name="values"/> into probabilities in place: e^(value / temperature),
    /// shifted by the largest value so none overflows, divided by their sum.</summary>
    public static void Softmax(Span<double> values, double temperature = 1)
    {
        var max = double.NegativeInfinity;
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        double sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Math.Exp((values[i] - max) / temperature);
            sum += values[i];
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= sum;
        }
    }
}
