using Microsoft.Extensions.AI;

namespace FaqBot.Core.Ai;

/// <summary>The models the <c>Ai</c> section configures; each is null when not configured.</summary>
public sealed class AiModels(IChatClient? chat, IEmbeddingGenerator<string, Embedding<float>>? embeddings)
{
    public static AiModels None { get; } = new(null, null);

    public IChatClient? Chat { get; } = chat;

    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; } = embeddings;

    public static AiModels From(AiOptions options) => options.Provider switch
    {
        AiProvider.None => None,
        AiProvider.OpenAICompatible => new AiModels(
            options.HasChatModel ? OpenAICompatibleProvider.Chat(options) : null,
            options.HasEmbeddingModel ? OpenAICompatibleProvider.Embeddings(options) : null),
        _ => throw new InvalidOperationException($"Unknown AI provider {options.Provider}."),
    };
}
