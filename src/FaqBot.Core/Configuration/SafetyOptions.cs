using System.ComponentModel.DataAnnotations;

namespace FaqBot.Core.Configuration;

/// <summary>The optional model layer of the safety gate (section <c>Safety</c>). The rules always
/// run; the model is asked only when a chat client is configured.</summary>
public sealed class SafetyOptions
{
    public const string Section = "Safety";

    /// <summary>Time limit for the model's second opinion; past it the rules decide alone.</summary>
    [Range(50, 10_000)]
    public int ModelTimeoutMilliseconds { get; set; } = 1_000;

    /// <summary>The Semantic Kernel prompt directory of the classifier, relative to the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ClassifierPrompt { get; set; } = "prompts/SafetyClassifier";
}
