using System.ComponentModel.DataAnnotations;

namespace FaqBot.Core.Ai;

/// <summary>Where the optional models come from.</summary>
public enum AiProvider
{
    /// <summary>No model: extractive answers, lexical retrieval, rule-only safety gate (the default).</summary>
    None,

    /// <summary>Any server speaking the OpenAI HTTP API: OpenAI, Azure OpenAI (v1 endpoint),
    /// Ollama's and vLLM's OpenAI-compatible servers.</summary>
    OpenAICompatible,
}

/// <summary>
/// The optional model layer (section <c>Ai</c>). With <see cref="AiProvider.None"/> nothing here
/// is used. The key is read from the environment (<c>Ai__ApiKey</c>) or another non-file source:
/// a key in appsettings.json stops the start.
/// </summary>
public sealed class AiOptions : IValidatableObject
{
    public const string Section = "Ai";

    public AiProvider Provider { get; set; } = AiProvider.None;

    /// <summary>The API's base address, e.g. <c>http://localhost:11434/v1</c> for Ollama.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Sent as a bearer token; servers that need none (Ollama, vLLM) may leave it empty.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The chat model: generated answers and the safety classifier's second opinion.</summary>
    public string? ChatModel { get; set; }

    /// <summary>The embedding model: hybrid (lexical and vector) retrieval.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Whether answers are generated from the retrieved snippets (verified before they
    /// are sent) when a chat model is configured; off leaves the chat model to the safety classifier.</summary>
    public bool GenerateAnswers { get; set; } = true;

    /// <summary>Whether the chat model gives the safety gate a second opinion.</summary>
    public bool SafetyClassifier { get; set; } = true;

    /// <summary>Time limit for one generated answer; past it the extractive answer is sent.</summary>
    [Range(100, 120_000)]
    public int AnswerTimeoutMilliseconds { get; set; } = 8_000;

    /// <summary>The Semantic Kernel prompt directory of the answer, relative to the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string AnswerPrompt { get; set; } = "prompts/Answer";

    /// <summary>Most approved snippets shown to the model: the chosen one first, then other
    /// candidates above the confidence threshold.</summary>
    [Range(1, 5)]
    public int MaxSnippets { get; set; } = 3;

    [Range(32, 4_000)]
    public int MaxOutputTokens { get; set; } = 400;

    public bool HasChatModel => Provider != AiProvider.None && !string.IsNullOrWhiteSpace(ChatModel);

    public bool HasEmbeddingModel => Provider != AiProvider.None && !string.IsNullOrWhiteSpace(EmbeddingModel);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == AiProvider.None)
        {
            yield break;
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"Ai:BaseUrl must be an absolute http(s) address for the {Provider} provider (was '{BaseUrl}').", [nameof(BaseUrl)]);
        }

        if (string.IsNullOrWhiteSpace(ChatModel) && string.IsNullOrWhiteSpace(EmbeddingModel))
        {
            yield return new ValidationResult($"Ai:ChatModel or Ai:EmbeddingModel must be set for the {Provider} provider.", [nameof(ChatModel), nameof(EmbeddingModel)]);
        }

        if (HasChatModel && GenerateAnswers && !string.IsNullOrWhiteSpace(AnswerPrompt)
            && !(File.Exists(Path.Combine(AnswerPrompt, "skprompt.txt")) && File.Exists(Path.Combine(AnswerPrompt, "config.json"))))
        {
            yield return new ValidationResult($"Ai:AnswerPrompt '{AnswerPrompt}' must be a prompt directory holding skprompt.txt and config.json.", [nameof(AnswerPrompt)]);
        }
    }
}
