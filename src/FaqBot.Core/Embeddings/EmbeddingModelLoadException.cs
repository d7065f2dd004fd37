namespace FaqBot.Core.Embeddings;

/// <summary>The embedded sentence model could not be loaded; the message names the setting that
/// starts the host without it.</summary>
public sealed class EmbeddingModelLoadException(string message, Exception innerException) : Exception(message, innerException);
