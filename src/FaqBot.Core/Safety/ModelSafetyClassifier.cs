using Microsoft.Extensions.AI;

namespace FaqBot.Core.Safety;

/// <summary>The model's opinion of one message: a category (null for none or no usable answer)
/// and a note for the trace.</summary>
public sealed record ModelVerdict(SafetyCategory? Category, string Note);

/// <summary>
/// An optional second opinion from a chat model. The instructions are the rendered prompt; the
/// patient's words travel as a separate user message, so nothing they write becomes an
/// instruction. Only an answer of exactly one of the four words counts; a time-out or an error
/// yields no category, and the rules decide.
/// </summary>
public sealed class ModelSafetyClassifier(IChatClient chat, SafetyPrompt prompt, TimeSpan timeLimit)
{
    /// <summary>How the model's opinion appears among rule hits in traces and handoffs.</summary>
    public const string RuleId = "model.classifier";

    private static readonly ChatOptions Options = new() { Temperature = 0, MaxOutputTokens = 3 };

    public string PromptName => prompt.Version;

    public async Task<ModelVerdict> ClassifyAsync(string message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeLimit);
        try
        {
            var response = await chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, prompt.Instructions), new ChatMessage(ChatRole.User, message)],
                Options,
                timeout.Token);
            var word = response.Text.Trim().TrimEnd('.').ToLowerInvariant();
            return word switch
            {
                "urgent" => new ModelVerdict(SafetyCategory.Urgent, "model: urgent"),
                "dosing" => new ModelVerdict(SafetyCategory.Dosing, "model: dosing"),
                "diagnostic" => new ModelVerdict(SafetyCategory.Diagnostic, "model: diagnostic"),
                "none" => new ModelVerdict(null, "model: none"),
                _ => new ModelVerdict(null, "model: unusable answer ignored"),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ModelVerdict(null, $"model: no answer within {timeLimit.TotalMilliseconds:0} ms, rules decided");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ModelVerdict(null, $"model: {ex.GetType().Name}, rules decided");
        }
    }
}
