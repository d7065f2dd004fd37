using System.Text.RegularExpressions;

namespace FaqBot.Core.Safety;

/// <summary>
/// Triage before everything else. The whole message (up to <see cref="MaxScannedCharacters"/>) is
/// normalised and every rule is tried on it; each hit is checked against the exceptions and
/// denials of its own clause. The most severe category among the hits that stand wins
/// (urgent, then dosing, then diagnostic). Nothing in the message can change the rules.
/// </summary>
public sealed class SafetyGate(IReadOnlyList<SafetyRule> rules, SafetyNormalizer normalizer)
{
    public const int MaxScannedCharacters = 20_000;

    public IReadOnlyList<SafetyRule> Rules => rules;

    public TriageResult Triage(string message)
    {
        var scanned = message.Length > MaxScannedCharacters ? message[..MaxScannedCharacters] : message;
        var normalized = normalizer.Normalize(scanned);
        List<RuleHit>? hits = null;
        SafetyRule? winner = null;
        foreach (var rule in rules)
        {
            try
            {
                for (var match = rule.Patterns.Match(normalized.Text); match.Success; match = match.NextMatch())
                {
                    var hit = Judge(rule, match, normalized);
                    if (hit is null)
                    {
                        continue;
                    }

                    (hits ??= []).Add(hit);
                    if (!hit.Denied && (winner is null || rule.Category > winner.Category))
                    {
                        winner = rule;
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Fail closed: a rule that cannot be evaluated counts as fired.
                (hits ??= []).Add(new RuleHit(rule.Id, rule.Category, "(rule timed out)", Denied: false));
                if (winner is null || rule.Category > winner.Category)
                {
                    winner = rule;
                }
            }
        }

        if (hits is null)
        {
            return TriageResult.Clear;
        }

        return new TriageResult(winner?.Category, winner?.ReplyId, hits)
        {
            QuestionWithoutDenials = winner is null ? WithoutDeniedClauses(normalized, hits) : null,
        };
    }

    private static string? WithoutDeniedClauses(NormalizedMessage normalized, List<RuleHit> hits)
    {
        var denied = hits.Where(h => h.Denied).Select(h => h.Clause).ToHashSet(StringComparer.Ordinal);
        if (denied.Count == 0)
        {
            return null;
        }

        var kept = Enumerable.Range(0, normalized.ClauseStarts.Count)
            .Select(i => normalized.Clause(i).Trim())
            .Where(clause => clause.Length > 0 && !denied.Contains(clause));
        return string.Join(", ", kept);
    }

    /// <summary>The hit for one match, or null when an exception (an idiom) in its clause rules it out.</summary>
    private static RuleHit? Judge(SafetyRule rule, Match match, NormalizedMessage normalized)
    {
        var clauseIndex = normalized.ClauseAt(match.Index);
        var spansClauses = normalized.ClauseAt(match.Index + Math.Max(0, match.Length - 1)) != clauseIndex;
        var clause = normalized.Clause(clauseIndex);
        if (!spansClauses && rule.Exceptions?.IsMatch(clause) == true)
        {
            return null;
        }

        var denied = !spansClauses && rule.Denials?.IsMatch(clause) == true;
        return new RuleHit(rule.Id, rule.Category, spansClauses ? match.Value.Trim() : clause.Trim(), denied);
    }
}
