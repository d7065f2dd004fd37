using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace FaqBot.Core.Ai;

/// <summary>Chat and embedding clients for a server speaking the OpenAI HTTP API. Retries are off:
/// a failing provider falls back to the extractive answer at once instead of retrying into the
/// time limit.</summary>
public static class OpenAICompatibleProvider
{
    /// <summary>Servers without keys (Ollama, vLLM) ignore the bearer token; the client needs one.</summary>
    private const string NoKey = "no-key";

    public static IChatClient Chat(AiOptions options) =>
        Client(options).GetChatClient(options.ChatModel).AsIChatClient();

    public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(AiOptions options) =>
        Client(options).GetEmbeddingClient(options.EmbeddingModel).AsIEmbeddingGenerator();

    private static OpenAIClient Client(AiOptions options) =>
        new(new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? NoKey : options.ApiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(options.BaseUrl!),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromMilliseconds(options.AnswerTimeoutMilliseconds) + TimeSpan.FromSeconds(5),
        });
}
