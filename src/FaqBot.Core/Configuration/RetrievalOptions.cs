using System.ComponentModel.DataAnnotations;

namespace FaqBot.Core.Configuration;

/// <summary>How retrieval turns scores into decisions (section <c>Retrieval</c>).</summary>
public sealed class RetrievalOptions : IValidatableObject
{
    public const string Section = "Retrieval";

    /// <summary>Below this confidence the bot does not answer.</summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.4;

    /// <summary>When the runner-up is within this distance of the best candidate, the bot asks which was meant.</summary>
    [Range(0.0, 1.0)]
    public double ClarifyMargin { get; set; } = 0.05;

    /// <summary>At or above this confidence the best candidate is answered without asking.</summary>
    [Range(0.0, 1.0)]
    public double DirectAnswerConfidence { get; set; } = 0.9;

    /// <summary>Most choices offered when asking which snippet was meant.</summary>
    [Range(2, 10)]
    public int MaxSuggestions { get; set; } = 3;

    /// <summary>Candidates kept in the trace.</summary>
    [Range(1, 50)]
    public int MaxCandidates { get; set; } = 5;

    /// <summary>How strongly a stored question's unmatched words lower the confidence (0: not at all).</summary>
    [Range(0.0, 2.0)]
    public double QuestionCoverageExponent { get; set; } = 0.3;

    /// <summary>Credit for a query term found in a snippet's answer, tags or other questions rather than the matched question.</summary>
    [Range(0.0, 1.0)]
    public double SupportWeight { get; set; } = 0.5;

    /// <summary>Weight of semantic similarity in hybrid ranking, used only when an embedding generator is configured.</summary>
    [Range(0.0, 1.0)]
    public double SemanticWeight { get; set; } = 0.5;

    /// <summary>Time limit for the embedding call in hybrid ranking; past it the lexical ranking is used.</summary>
    [Range(50, 60_000)]
    public int SemanticTimeoutMilliseconds { get; set; } = 1_500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DirectAnswerConfidence < MinConfidence)
        {
            yield return new ValidationResult(
                $"{nameof(DirectAnswerConfidence)} ({DirectAnswerConfidence}) must not be below {nameof(MinConfidence)} ({MinConfidence}).",
                [nameof(DirectAnswerConfidence)]);
        }
    }
}
