using System.Globalization;
using System.Text;
using FaqBot.Core.Embeddings;
using FaqBot.Core.Evaluation;

namespace FaqBot.Core.Privacy;

/// <summary>
/// Trains the <see cref="NameRecogniser"/>'s model on labelled messages: every word that could be
/// a name is an example, a name when it stands inside a detail labelled <c>name</c> (at any of its
/// mentions), else not (messages of question sets have no names at all). Cross-validated by
/// message first (each fold's messages scored by a model trained on the others), which gives the
/// table of names caught and ordinary words taken at each threshold; then trained on everything.
/// Deterministic: the same messages give the same model.
/// </summary>
public sealed class NameModelTraining
{
    private static readonly double[] Thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

    private readonly SoftmaxRegression _model;

    private NameModelTraining(SoftmaxRegression model, string report)
    {
        _model = model;
        Report = report;
    }

    /// <summary>Out-of-fold figures per threshold, for choosing one.</summary>
    public string Report { get; }

    /// <summary>Trains on <paramref name="messages"/> with L2 strength <paramref name="l2"/>, the
    /// figures from <paramref name="folds"/> folds; <paramref name="progress"/> is told each step.</summary>
    public static NameModelTraining Run(IReadOnlyList<LabelledRedaction> messages, double l2, int folds, Action<string> progress)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        using var encoder = WordVectorEncoder.Load(SentenceModel.MiniLm, Math.Max(1, Environment.ProcessorCount));
        // Each example's message is numbered among the messages that give examples, so that every
        // fold holds some of them (a set of questions without a name gives none).
        var examples = new List<(int Message, float[] Features, bool Name)>();
        var contributing = 0;
        for (var m = 0; m < messages.Count; m++)
        {
            if (m % 200 == 0)
            {
                progress($"encoding messages {m + 1}-{Math.Min(m + 200, messages.Count)} of {messages.Count}");
            }

            var row = messages[m];
            var reading = NameReading.Of(row.Text, NameRecogniser.MaxTokens);
            if (reading.Candidates.Count == 0)
            {
                continue;
            }

            var names = NameSpans(row);
            var vectors = encoder.Encode(reading.EncoderWords);
            foreach (var c in reading.Candidates)
            {
                var word = reading.Words[c];
                var name = names.Exists(s => word.Start < s.End && s.Start < word.End);
                examples.Add((contributing, NameWordFeatures.Of(reading, c, vectors[reading.EncoderIndex[c]]), name));
            }

            contributing++;
        }

        if (examples.Count == 0 || !examples.Exists(e => e.Name) || examples.TrueForAll(e => e.Name))
        {
            throw new InvalidDataException("Training needs words that are names and words that are not; the sets gave " + examples.Count + " candidate words.");
        }

        if (contributing < folds)
        {
            throw new InvalidDataException($"Cross-validation in {folds} folds needs at least {folds} messages with words that could be names; the sets have {contributing}.");
        }

        var outOfFold = new double[examples.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            progress($"cross-validation fold {fold + 1} of {folds}");
            var train = examples.Where(e => e.Message % folds != fold).ToList();
            var model = SoftmaxRegression.Train([.. train.Select(e => e.Features)], [.. train.Select(e => e.Name ? 1 : 0)], 2, l2);
            for (var i = 0; i < examples.Count; i++)
            {
                if (examples[i].Message % folds == fold)
                {
                    outOfFold[i] = model.Predict(examples[i].Features)[1];
                }
            }
        }

        progress("training on every message");
        var final = SoftmaxRegression.Train([.. examples.Select(e => e.Features)], [.. examples.Select(e => e.Name ? 1 : 0)], 2, l2);
        return new NameModelTraining(final, Format(messages, examples, outOfFold));
    }

    /// <summary>Writes the model with the threshold it is to be used at.</summary>
    public void Write(Stream stream, double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(threshold, 1);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        NameRecogniser.Write(writer, SentenceModel.MiniLm, _model, threshold);
    }

    /// <summary>Every place a labelled name stands in its message.</summary>
    private static List<(int Start, int End)> NameSpans(LabelledRedaction row) =>
        [.. row.Details.Where(d => d.Kind == "name").SelectMany(row.PlacesOf)];

    private static string Format(IReadOnlyList<LabelledRedaction> messages, List<(int Message, float[] Features, bool Name)> examples, double[] outOfFold)
    {
        var names = examples.Count(e => e.Name);
        var withoutNames = examples.GroupBy(e => e.Message).Where(g => !g.Any(e => e.Name)).Select(g => g.Key).ToHashSet();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{messages.Count} messages, {examples.Count} candidate words, {names} in names; out of fold:");
        report.AppendLine("threshold  name words found  other words taken  messages without a name (of those with a candidate word) with a word taken");
        foreach (var threshold in Thresholds)
        {
            var found = 0;
            var taken = 0;
            var messagesTaken = new HashSet<int>();
            for (var i = 0; i < examples.Count; i++)
            {
                if (outOfFold[i] < threshold)
                {
                    continue;
                }

                if (examples[i].Name)
                {
                    found++;
                }
                else
                {
                    taken++;
                    if (withoutNames.Contains(examples[i].Message))
                    {
                        messagesTaken.Add(examples[i].Message);
                    }
                }
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $"{threshold,9:0.00}  {found,6}/{names} ({(double)found / names:0.000})  {taken,6}/{examples.Count - names}  {messagesTaken.Count,5}/{withoutNames.Count} ({(double)messagesTaken.Count / Math.Max(1, withoutNames.Count):0.000})");
        }

        return report.ToString();
    }
}
