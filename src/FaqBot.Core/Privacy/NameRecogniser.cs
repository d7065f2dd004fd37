using System.Text;
using FaqBot.Core.Embeddings;

namespace FaqBot.Core.Privacy;

/// <summary>
/// Names read by a statistical model where no rule places them ("thanks so much, elena", "Bunny
/// will drive me"): each word that could be a name is scored by a logistic regression over its
/// vector in context (<see cref="WordVectorEncoder"/>, the embedded model's last layer) and what
/// the word lists and its form say about it and its neighbours (<see cref="NameWordFeatures"/>).
/// Words scoring at least the model's threshold are names; neighbours joined by spaces make one.
/// The model is trained by <c>faqbot train-names</c> on labelled messages and ships with the
/// project (Resources/name-model.bin). A message is read up to <see cref="MaxTokens"/> words and
/// marks, in windows, so cost is linear in its length and bounded; the rules read all of it.
/// </summary>
internal sealed class NameRecogniser
{
    /// <summary>Words and marks read per message (about 160 words, two runs of the model at most per
    /// reading; patients' messages are mostly under 120 words). Beyond them the rules read names alone.</summary>
    public const int MaxTokens = 200;

    private const string Magic = "faqbot-names";

    /// <summary>Raised when the features change, so a model trained on others is refused.</summary>
    public const int FeatureVersion = 1;

    private static readonly Lazy<NameRecogniser?> EmbeddedModel = new(LoadEmbedded);

    private readonly WordVectorEncoder _encoder;
    private readonly SoftmaxRegression _model;

    public NameRecogniser(WordVectorEncoder encoder, SoftmaxRegression model, double threshold)
    {
        if (model.Dimensions != encoder.Dimensions + NameWordFeatures.Count)
        {
            throw new InvalidDataException($"The name model reads {model.Dimensions} features; {encoder.Model.Name} with version {FeatureVersion} features gives {encoder.Dimensions + NameWordFeatures.Count}.");
        }

        _encoder = encoder;
        _model = model;
        Threshold = threshold;
    }

    public double Threshold { get; }

    /// <summary>The model shipped with the project on the embedded MiniLM, loaded once per process;
    /// null when the build ships none.</summary>
    /// <exception cref="EmbeddingModelLoadException">The model or the encoder could not be loaded.</exception>
    public static NameRecogniser? Embedded => EmbeddedModel.Value;

    /// <summary>The model as one of the redactor's finders. Like the rules it reads each pass's
    /// text again, placeholders and all, until nothing new is found: a word that reads as a name
    /// only once the name beside it is a placeholder is found then, and redacting redacted text
    /// changes nothing.</summary>
    public DetailFinder Finder => new(RedactionKind.Name, Find, []);

    /// <summary>Adds each name the model finds in <paramref name="text"/>.</summary>
    public void Find(string text, List<Detected> found)
    {
        var reading = NameReading.Of(text, MaxTokens);
        if (reading.Candidates.Count == 0)
        {
            return;
        }

        var scores = Score(reading);
        var start = -1;
        var end = -1;
        for (var c = 0; c < scores.Length; c++)
        {
            if (scores[c] < Threshold)
            {
                continue;
            }

            var token = reading.Words[reading.Candidates[c]];
            if (start >= 0 && IsSpaceOnly(text, end, token.Start))
            {
                end = token.End;
                continue;
            }

            Flush();
            start = token.Start;
            end = token.End;
        }

        Flush();

        void Flush()
        {
            if (start >= 0)
            {
                found.Add(new Detected(start, end - start, RedactionKind.Name));
            }
        }
    }

    /// <summary>The probability that each of the reading's candidate words is a name, in their order.</summary>
    public double[] Score(NameReading reading)
    {
        var vectors = _encoder.Encode(reading.EncoderWords);
        return [.. reading.Candidates.Select(c => _model.Predict(NameWordFeatures.Of(reading, c, vectors[reading.EncoderIndex[c]]))[1])];
    }

    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        Write(writer, _encoder.Model, _model, Threshold);
    }

    public static void Write(BinaryWriter writer, SentenceModel encoder, SoftmaxRegression model, double threshold)
    {
        writer.Write(Magic);
        writer.Write(FeatureVersion);
        writer.Write(encoder.Name);
        writer.Write(threshold);
        model.Write(writer);
    }

    /// <exception cref="InvalidDataException">Not a name model, or one for other features or another encoder.</exception>
    public static NameRecogniser Read(Stream stream, WordVectorEncoder encoder)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("Not a name model.");
        }

        var version = reader.ReadInt32();
        var model = reader.ReadString();
        if (version != FeatureVersion || model != encoder.Model.Name)
        {
            throw new InvalidDataException($"The name model was trained on {model} with version {version} features; this build reads {encoder.Model.Name} with version {FeatureVersion}. Train it again with faqbot train-names.");
        }

        var threshold = reader.ReadDouble();
        return new NameRecogniser(encoder, SoftmaxRegression.Read(reader), threshold);
    }

    private static NameRecogniser? LoadEmbedded()
    {
        using var stream = typeof(NameRecogniser).Assembly.GetManifestResourceStream("FaqBot.Core.Privacy.Resources.name-model.bin");
        if (stream is null)
        {
            return null;
        }

        try
        {
            return Read(stream, WordVectorEncoder.Load(SentenceModel.MiniLm, threads: 1));
        }
        catch (Exception ex) when (ex is EmbeddingModelLoadException or InvalidDataException or EndOfStreamException)
        {
            throw new EmbeddingModelLoadException(
                $"The redactor's name model could not be loaded: {ex.Message} To read names by the rules alone, set "
                + $"{RedactionOptions.Section}:{nameof(RedactionOptions.NameModel)} to false.", ex);
        }
    }

    private static bool IsSpaceOnly(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] != '-')
            {
                return false;
            }
        }

        return true;
    }
}
