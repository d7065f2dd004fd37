using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace FaqBot.Core.Embeddings;

/// <summary>
/// One vector per word, read in its context: the embedded model's last layer before pooling, the
/// mean over the word's pieces. Words are read in windows of at most <see cref="WindowPieces"/>
/// pieces, cut between words, so cost is linear in the number of words; a word of more than
/// <see cref="MaxWordPieces"/> pieces is read by its first ones. Loaded once from the model's package
/// (its own runtime session beside the sentence encoder's); safe to call from many threads.
/// </summary>
internal sealed class WordVectorEncoder : IDisposable
{
    /// <summary>Pieces of one run of the model, the two markers left out.</summary>
    public const int WindowPieces = 126;

    public const int MaxWordPieces = 12;

    private readonly InferenceSession _session;
    private readonly WordPieces _pieces;

    private WordVectorEncoder(InferenceSession session, WordPieces pieces, SentenceModel model)
    {
        _session = session;
        _pieces = pieces;
        Model = model;
    }

    public SentenceModel Model { get; }

    public int Dimensions => Model.Dimensions;

    /// <exception cref="EmbeddingModelLoadException">The model or its vocabulary could not be read.</exception>
    public static WordVectorEncoder Load(SentenceModel model, int threads)
    {
        var package = model.Package;
        var prefix = package.GetName().Name + ".Resources.";
        try
        {
            using var vocabulary = package.GetManifestResourceStream(prefix + "vocab.txt")
                ?? throw new InvalidDataException($"{model.PackageName} ships no vocab.txt.");
            using var reader = new StreamReader(vocabulary);
            var pieces = new WordPieces(reader.ReadToEnd().Split('\n'));

            using var onnx = package.GetManifestResourceStream(prefix + "model.onnx")
                ?? throw new InvalidDataException($"{model.PackageName} ships no model.onnx.");
            using var bytes = new MemoryStream();
            onnx.CopyTo(bytes);
            using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
            return new WordVectorEncoder(new InferenceSession(bytes.ToArray(), options), pieces, model);
        }
        catch (Exception ex) when (ex is InvalidDataException or OnnxRuntimeException or IOException)
        {
            throw new EmbeddingModelLoadException($"The word vectors of {model.Name} ({model.PackageName}) could not be loaded: {ex.Message}", ex);
        }
    }

    /// <summary>A vector for each of <paramref name="words"/> (a word may be a single punctuation mark).</summary>
    public float[][] Encode(IReadOnlyList<string> words)
    {
        var result = new float[words.Count][];
        var window = new List<int>(WindowPieces);
        var owners = new List<int>(WindowPieces);
        var wordPieces = new List<int>(MaxWordPieces);
        for (var w = 0; w < words.Count; w++)
        {
            wordPieces.Clear();
            if (_pieces.Add(words[w], wordPieces, MaxWordPieces) == 0)
            {
                wordPieces.Add(_pieces.Unknown);
            }

            var count = wordPieces.Count;
            if (window.Count + count > WindowPieces)
            {
                Run(window, owners, result);
                window.Clear();
                owners.Clear();
            }

            for (var p = 0; p < count; p++)
            {
                window.Add(wordPieces[p]);
                owners.Add(w);
            }
        }

        if (window.Count > 0)
        {
            Run(window, owners, result);
        }

        return result;
    }

    /// <summary>One run of the model over one window; each word's vector is the mean of its pieces'.</summary>
    private void Run(List<int> window, List<int> owners, float[][] result)
    {
        var length = window.Count + 2;
        var ids = new DenseTensor<long>([1, length]);
        var mask = new DenseTensor<long>([1, length]);
        var types = new DenseTensor<long>([1, length]);
        ids[0, 0] = _pieces.Start;
        ids[0, length - 1] = _pieces.End;
        for (var i = 0; i < window.Count; i++)
        {
            ids[0, i + 1] = window[i];
        }

        mask.Buffer.Span.Fill(1);
        using var outputs = _session.Run(
        [
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types),
        ]);
        var hidden = outputs.First(o => o.Name == "last_hidden_state").AsTensor<float>();

        // A word's pieces stand together in one window (Encode never splits a word).
        for (var i = 0; i < window.Count;)
        {
            var word = owners[i];
            var end = i;
            var vector = result[word] = new float[Dimensions];
            for (; end < window.Count && owners[end] == word; end++)
            {
                for (var d = 0; d < Dimensions; d++)
                {
                    vector[d] += hidden[0, end + 1, d];
                }
            }

            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] /= end - i;
            }

            i = end;
        }
    }

    public void Dispose() => _session.Dispose();
}
