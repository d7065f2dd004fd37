using System.Text.RegularExpressions;

namespace FaqBot.Core.Safety;

/// <summary>
/// Triage before everything else. The whole message (up to <see cref="MaxScannedCharacters"/>) is
/// normalised; each rule's patterns are tried at the word starts where one of their first tokens
/// stands, and each hit is checked against the exceptions and denials of its own clause. The most
/// severe category among the hits that stand wins (urgent, then dosing, then diagnostic). Nothing
/// in the message can change the rules.
/// </summary>
public sealed class SafetyGate
{
    public const int MaxScannedCharacters = 20_000;

    private readonly IReadOnlyList<SafetyRule> _rules;
    private readonly SafetyNormalizer _normalizer;
    private readonly Dictionary<string, List<PatternRef>> _byWord = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, PatternRef Pattern)> _byPrefix = [];
    private readonly List<PatternRef> _byNumber = [];
    private readonly List<PatternRef> _everywhere = [];

    public SafetyGate(IReadOnlyList<SafetyRule> rules, SafetyNormalizer normalizer)
    {
        _rules = rules;
        _normalizer = normalizer;
        for (var r = 0; r < rules.Count; r++)
        {
            for (var p = 0; p < rules[r].Patterns.Count; p++)
            {
                var reference = new PatternRef(r, p);
                var first = rules[r].Patterns[p].First;
                foreach (var word in first.Words)
                {
                    if (!_byWord.TryGetValue(word, out var list))
                    {
                        _byWord[word] = list = [];
                    }

                    list.Add(reference);
                }

                _byPrefix.AddRange(first.Prefixes.Select(prefix => (prefix, reference)));
                if (first.Number)
                {
                    _byNumber.Add(reference);
                }

                if (first.Any)
                {
                    _everywhere.Add(reference);
                }
            }
        }
    }

    public IReadOnlyList<SafetyRule> Rules => _rules;

    public TriageResult Triage(string message)
    {
        var scanned = message.Length > MaxScannedCharacters ? message[..MaxScannedCharacters] : message;
        var normalized = _normalizer.Normalize(scanned);
        var attempts = Attempts(normalized.Text);
        List<RuleHit>? hits = null;
        SafetyRule? winner = null;
        var coveredRule = -1;
        var coveredUntil = -1;
        foreach (var attempt in attempts)
        {
            var (reference, position) = Unpack(attempt);
            if (reference.Rule == coveredRule && position < coveredUntil)
            {
                continue; // inside a match this rule already reported
            }

            var rule = _rules[reference.Rule];
            Match match;
            try
            {
                match = rule.Patterns[reference.Pattern].Regex.Match(normalized.Text, position);
            }
            catch (RegexMatchTimeoutException)
            {
                // Fail closed: a pattern that cannot be evaluated counts as fired.
                (hits ??= []).Add(new RuleHit(rule.Id, rule.Category, "(rule timed out)", Denied: false));
                winner = winner is null || rule.Category > winner.Category ? rule : winner;
                continue;
            }

            if (!match.Success)
            {
                continue;
            }

            (coveredRule, coveredUntil) = (reference.Rule, match.Index + match.Length);
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

        if (hits is null)
        {
            return TriageResult.Clear;
        }

        return new TriageResult(winner?.Category, winner?.ReplyId, hits)
        {
            QuestionWithoutDenials = winner is null ? WithoutDeniedClauses(normalized, hits) : null,
        };
    }

    /// <summary>Every (pattern, word start) pair worth trying, in rule order (most severe first),
    /// then position, then pattern; each packed into one number that sorts in that order.</summary>
    private List<long> Attempts(string text)
    {
        var attempts = new List<long>(32);
        var lookup = _byWord.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in text.AsSpan().Split(' '))
        {
            var token = text.AsSpan(range);
            if (token.IsEmpty)
            {
                continue;
            }

            var at = range.Start.GetOffset(text.Length);
            foreach (var reference in _everywhere)
            {
                attempts.Add(Pack(reference, at));
            }

            if (lookup.TryGetValue(token, out var references))
            {
                foreach (var reference in references)
                {
                    attempts.Add(Pack(reference, at));
                }
            }

            foreach (var (prefix, reference) in _byPrefix)
            {
                if (token.StartsWith(prefix, StringComparison.Ordinal))
                {
                    attempts.Add(Pack(reference, at));
                }
            }

            if (char.IsDigit(token[0]))
            {
                foreach (var reference in _byNumber)
                {
                    attempts.Add(Pack(reference, at));
                }
            }
        }

        attempts.Sort();
        return attempts;
    }

    // Rule in the top bits, then the position (at most MaxScannedCharacters after normalisation
    // expands words, so below 2^24), then the pattern (below 2^20 per rule).
    private static long Pack(PatternRef reference, int position) =>
        ((long)reference.Rule << 44) | ((long)position << 20) | (uint)reference.Pattern;

    private static (PatternRef Pattern, int Position) Unpack(long attempt) =>
        (new PatternRef((int)(attempt >> 44), (int)(attempt & 0xFFFFF)), (int)((attempt >> 20) & 0xFFFFFF));

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

    private readonly record struct PatternRef(int Rule, int Pattern);
}
