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

    /// <summary>Time limit for encoding the question in hybrid ranking; past it the lexical ranking is used.</summary>
    [Range(50, 60_000)]
    public int SemanticTimeoutMilliseconds { get; set; } = 1_500;

    /// <summary>Hybrid ranking with the sentence encoder (section <c>Retrieval:Hybrid</c>).</summary>
    public HybridRetrievalOptions Hybrid { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var nested = new List<ValidationResult>();
        Validator.TryValidateObject(Hybrid, new ValidationContext(Hybrid), nested, validateAllProperties: true);
        foreach (var result in nested.Concat(Hybrid.Validate(validationContext)))
        {
            yield return new ValidationResult("Retrieval:Hybrid: " + result.ErrorMessage, result.MemberNames);
        }

        if (DirectAnswerConfidence < MinConfidence)
        {
            yield return new ValidationResult(
                $"{nameof(DirectAnswerConfidence)} ({DirectAnswerConfidence}) must not be below {nameof(MinConfidence)} ({MinConfidence}).",
                [nameof(DirectAnswerConfidence)]);
        }
    }
}

/// <summary>
/// How hybrid ranking scores and decides (section <c>Retrieval:Hybrid</c>). A snippet's score is
/// <c>(1 - LexicalWeight - ClauseWeight) × P(snippet | whole message) + LexicalWeight × lexical
/// confidence + ClauseWeight × max over clauses of P(snippet | clause)</c>, where P is the snippet
/// classifier's probability; the confidence shown and decided on is that score calibrated,
/// <c>1 / (1 + e^-(Slope × score + Intercept))</c>, so that it reads as how often an answer at that
/// confidence is right. <c>faqbot calibrate</c> fits Slope and Intercept and proposes the
/// thresholds by cross-validation on labelled sets.
/// </summary>
public sealed class HybridRetrievalOptions
{
    /// <summary>Hybrid ranking when a sentence encoder is configured (the embedded one by default).</summary>
    public bool Enabled { get; set; } = true;

    [Range(0.0, 1.0)]
    public double LexicalWeight { get; set; } = 0.2;

    [Range(0.0, 1.0)]
    public double ClauseWeight { get; set; } = 0.3;

    /// <summary>L2 strength of the snippet classifier.</summary>
    [Range(0.0001, 10.0)]
    public double Regularisation { get; set; } = 0.01;

    [Range(0.1, 100.0)]
    public double Slope { get; set; } = 10.408;

    [Range(-100.0, 100.0)]
    public double Intercept { get; set; } = -2.377;

    /// <summary>At or above this calibrated confidence the best snippet is answered.</summary>
    [Range(0.0, 1.0)]
    public double AnswerConfidence { get; set; } = 0.74;

    /// <summary>Below <see cref="AnswerConfidence"/>, candidates at or above this confidence are
    /// offered as "did you mean"; with none, there is no approved answer.</summary>
    [Range(0.0, 1.0)]
    public double ClarifyConfidence { get; set; } = 0.2;

    /// <summary>A message whose likeliest label is a small talk intent, at least this likely and
    /// likelier than every snippet and than "none", gets that intent's reply when no snippet is
    /// answered.</summary>
    [Range(0.0, 1.0)]
    public double SmallTalkProbability { get; set; } = 0.5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LexicalWeight + ClauseWeight > 1.0)
        {
            yield return new ValidationResult(
                $"{nameof(LexicalWeight)} + {nameof(ClauseWeight)} ({LexicalWeight + ClauseWeight}) must not exceed 1.",
                [nameof(LexicalWeight)]);
        }

        if (ClarifyConfidence > AnswerConfidence)
        {
            yield return new ValidationResult(
                $"{nameof(ClarifyConfidence)} ({ClarifyConfidence}) must not be above {nameof(AnswerConfidence)} ({AnswerConfidence}).",
                [nameof(ClarifyConfidence)]);
        }
    }

    /// <summary>The calibrated confidence of a score.</summary>
    public double Calibrated(double score) => 1 / (1 + Math.Exp(-((Slope * score) + Intercept)));
}
