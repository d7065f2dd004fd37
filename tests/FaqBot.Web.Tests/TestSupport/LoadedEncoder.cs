using FaqBot.Core.Embeddings;

namespace FaqBot.Web.Tests.TestSupport;

/// <summary>The default embedded model, loaded once for the whole test assembly and given to every
/// host the tests start (a load takes about a second and a hundred megabytes); registered as an
/// instance, so no host disposes it.</summary>
internal static class LoadedEncoder
{
    private static readonly Lazy<EmbeddedSentenceEncoder> Lazy = new(() => EmbeddedSentenceEncoder.Load(SentenceModel.MiniLm, new EmbeddingOptions()));

    public static EmbeddedSentenceEncoder MiniLm => Lazy.Value;
}
