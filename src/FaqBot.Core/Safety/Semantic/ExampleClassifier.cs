using FaqBot.Core.Embeddings;

namespace FaqBot.Core.Safety.Semantic;

/// <summary>
/// A <see cref="SoftmaxRegression"/> over the examples' vectors with four labels (harmless,
/// diagnostic, dosing, urgent). Each raising category's probability threshold is chosen on
/// out-of-fold probabilities (k-fold cross-validation over the examples): the highest threshold
/// that still catches the wanted share of the category's examples.
/// </summary>
public sealed class ExampleClassifier
{
    /// <summary>Label order of the model's outputs; index 0 is harmless.</summary>
    private static readonly SafetyCategory?[] Labels = [null, SafetyCategory.Diagnostic, SafetyCategory.Dosing, SafetyCategory.Urgent];

    private readonly SoftmaxRegression _model;

    private ExampleClassifier(SoftmaxRegression model) => _model = model;

    /// <summary>Trains on <paramref name="vectors"/> labelled <paramref name="labels"/> with L2
    /// strength <paramref name="l2"/>.</summary>
    public static ExampleClassifier Train(IReadOnlyList<float[]> vectors, IReadOnlyList<SafetyCategory?> labels, double l2) =>
        new(SoftmaxRegression.Train(vectors, Indices(labels), Labels.Length, l2));

    /// <summary>The probability of each label for one vector of unit length (the caller normalises it).</summary>
    public Probabilities Predict(float[] unit) => Of(_model.Predict(unit));

    /// <summary>Out-of-fold probabilities for every example (see <see cref="SoftmaxRegression.CrossValidate"/>).</summary>
    public static Probabilities[] CrossValidate(IReadOnlyList<float[]> vectors, IReadOnlyList<SafetyCategory?> labels, double l2, int folds) =>
        [.. SoftmaxRegression.CrossValidate(vectors, Indices(labels), Labels.Length, l2, folds).Select(Of)];

    private static int[] Indices(IReadOnlyList<SafetyCategory?> labels) => [.. labels.Select(l => Array.IndexOf(Labels, l))];

    private static Probabilities Of(double[] p) => new(p[0], p[1], p[2], p[3]);
}

/// <summary>One piece's probabilities: harmless and each raising category.</summary>
public readonly record struct Probabilities(double Harmless, double Diagnostic, double Dosing, double Urgent)
{
    public double Of(SafetyCategory category) => category switch
    {
        SafetyCategory.Urgent => Urgent,
        SafetyCategory.Dosing => Dosing,
        _ => Diagnostic,
    };
}
