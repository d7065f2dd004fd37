using FaqBot.Core.Configuration;
using FaqBot.Core.Retrieval;

namespace FaqBot.Core.Answering;

public enum DecisionKind
{
    Answer,
    Clarify,
    NoAnswer,
}

/// <summary>What to do with ranked candidates: answer the best, ask which of several close ones
/// was meant (the way CQA offers "Did you mean"), or admit there is no approved answer.</summary>
public sealed record Decision(DecisionKind Kind, IReadOnlyList<Candidate> Chosen, string Reason)
{
    public static Decision Make(IReadOnlyList<Candidate> candidates, RetrievalOptions options)
    {
        if (candidates.Count == 0)
        {
            return new Decision(DecisionKind.NoAnswer, [], "no snippet shares a term with the question");
        }

        var top = candidates[0];
        if (top.Confidence < options.MinConfidence)
        {
            return new Decision(DecisionKind.NoAnswer, [], $"best confidence {top.Confidence:0.###} is below the threshold {options.MinConfidence:0.###}");
        }

        if (top.Confidence >= options.DirectAnswerConfidence)
        {
            return new Decision(DecisionKind.Answer, [top], $"confidence {top.Confidence:0.###} is at or above {options.DirectAnswerConfidence:0.###}");
        }

        var close = candidates
            .TakeWhile(c => c.Confidence >= options.MinConfidence && top.Confidence - c.Confidence < options.ClarifyMargin)
            .Take(options.MaxSuggestions)
            .ToList();
        return close.Count >= 2
            ? new Decision(DecisionKind.Clarify, close, $"{close.Count} candidates within {options.ClarifyMargin:0.###} of the best ({top.Confidence:0.###})")
            : new Decision(DecisionKind.Answer, [top], $"confidence {top.Confidence:0.###} is above the threshold and clear of the runner-up");
    }

    /// <summary>The decision on calibrated confidences (hybrid ranking): answer the best when its
    /// confidence reaches <see cref="HybridRetrievalOptions.AnswerConfidence"/>; otherwise offer the
    /// candidates that reach <see cref="HybridRetrievalOptions.ClarifyConfidence"/> (at most
    /// <paramref name="maxSuggestions"/>); with none, admit there is no approved answer.</summary>
    public static Decision Calibrated(IReadOnlyList<Candidate> candidates, HybridRetrievalOptions options, int maxSuggestions)
    {
        if (candidates.Count == 0)
        {
            return new Decision(DecisionKind.NoAnswer, [], "no snippet is servable");
        }

        var top = candidates[0];
        if (top.Confidence >= options.AnswerConfidence)
        {
            return new Decision(DecisionKind.Answer, [top], $"confidence {top.Confidence:0.###} is at or above {options.AnswerConfidence:0.###}");
        }

        var close = candidates.Where(c => c.Confidence >= options.ClarifyConfidence).Take(maxSuggestions).ToList();
        return close.Count > 0
            ? new Decision(DecisionKind.Clarify, close, $"best confidence {top.Confidence:0.###} is below {options.AnswerConfidence:0.###}; {close.Count} candidates at or above {options.ClarifyConfidence:0.###} offered")
            : new Decision(DecisionKind.NoAnswer, [], $"best confidence {top.Confidence:0.###} is below {options.ClarifyConfidence:0.###}");
    }
}
