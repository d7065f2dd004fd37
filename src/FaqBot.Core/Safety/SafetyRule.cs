using System.Text.RegularExpressions;

namespace FaqBot.Core.Safety;

/// <summary>One clinician-readable rule: when any pattern occurs, the message belongs to the
/// category, unless an exception occurs in the same clause (an idiom such as "kill time") or a
/// denial of the same risk does ("I'm not suicidal").</summary>
public sealed record SafetyRule(
    string Id,
    SafetyCategory Category,
    string ReplyId,
    IReadOnlyList<SafetyPattern> Patterns,
    Regex? Exceptions,
    Regex? Denials,
    string File);

/// <summary>One compiled pattern: a regular expression anchored (\G) where it is tried, and the
/// tokens a match can start with, which decide where it is tried.</summary>
public sealed record SafetyPattern(string Source, Regex Regex, FirstTokens First);

/// <summary>A rule that fired, the clause it fired in, and whether a denial in that clause
/// cancelled it.</summary>
public sealed record RuleHit(string RuleId, SafetyCategory Category, string Clause, bool Denied)
{
    /// <summary>For a hit of the semantic layer: the labelled examples nearest the clause, with
    /// their similarity; null for a rule.</summary>
    public IReadOnlyList<Semantic.NearExample>? Nearest { get; init; }

    /// <summary>The ids of the rules that stand among <paramref name="hits"/> (no denial cancelled
    /// them), each once, in order.</summary>
    public static IEnumerable<string> Fired(IEnumerable<RuleHit> hits) => hits.Where(h => !h.Denied).Select(h => h.RuleId).Distinct();
}

/// <summary>The gate's verdict: the category to decline with (null when the message may go on to
/// retrieval), the reply to send, and every rule that fired.</summary>
public sealed record TriageResult(SafetyCategory? Category, string? ReplyId, IReadOnlyList<RuleHit> Hits)
{
    public static TriageResult Clear { get; } = new(null, null, []);

    /// <summary>When a clause only denied a risk ("I'm not suicidal, just asking ..."), the rest of
    /// the message, for retrieval to read without the denial; otherwise null.</summary>
    public string? QuestionWithoutDenials { get; init; }

    public IEnumerable<string> FiredRuleIds => RuleHit.Fired(Hits);
}
