using FaqBot.Core.Embeddings;

namespace FaqBot.Core.Tests.TestSupport;

/// <summary>The embedded models, each loaded once for the whole test assembly (a load takes about a
/// second and a hundred megabytes) and shared by every test that encodes; never disposed.</summary>
internal static class LoadedEncoders
{
    private static readonly Lazy<EmbeddedSentenceEncoder> LazyMiniLm = new(() => EmbeddedSentenceEncoder.Load(SentenceModel.MiniLm, new EmbeddingOptions()));
    private static readonly Lazy<EmbeddedSentenceEncoder> LazyArcticXs = new(() => EmbeddedSentenceEncoder.Load(SentenceModel.ArcticXs, new EmbeddingOptions()));

    public static EmbeddedSentenceEncoder MiniLm => LazyMiniLm.Value;

    public static EmbeddedSentenceEncoder For(EmbeddedModel model) => model switch
    {
        EmbeddedModel.MiniLm => LazyMiniLm.Value,
        EmbeddedModel.ArcticXs => LazyArcticXs.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };
}
