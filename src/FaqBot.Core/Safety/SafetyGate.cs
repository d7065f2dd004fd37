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

    /// <summary>The longest clause text a hit keeps for the trace; a longer clause is cut to a
    /// window around the match.</summary>
    public const int MaxClauseCharacters = 200;

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

    /// <summary>The message as the rules read it (up to <see cref="MaxScannedCharacters"/>):
    /// normalised and split into clauses.</summary>
    public NormalizedMessage Normalize(string message) =>
        _normalizer.Normalize(message.Length > MaxScannedCharacters ? message[..MaxScannedCharacters] : message);

    public TriageResult Triage(string message)
    {
        var normalized = Normalize(message);
        var attempts = Attempts(normalized.Text);
        var hits = new TriageHits();
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

            var clauseIndex = normalized.ClauseAt(position);
            if (hits.Judged(reference.Rule, clauseIndex))
            {
                continue; // the rule's verdict on this clause is known: a repeat adds nothing
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
                hits.AddTimedOut(reference.Rule, new RuleHit(rule.Id, rule.Category, "(rule timed out)", Denied: false));
                winner = winner is null || rule.Category > winner.Category ? rule : winner;
                continue;
            }

            if (!match.Success)
            {
                continue;
            }

            (coveredRule, coveredUntil) = (reference.Rule, match.Index + match.Length);
            var spansClauses = normalized.ClauseAt(match.Index + Math.Max(0, match.Length - 1)) != clauseIndex;
            var hit = Judge(rule, match, normalized, clauseIndex, spansClauses);
            hits.Add(reference.Rule, clauseIndex, hit, judged: !spansClauses);
            if (hit is { Denied: false } && (winner is null || rule.Category > winner.Category))
            {
                winner = rule;
            }
        }

        if (hits.Kept.Count == 0)
        {
            return TriageResult.Clear;
        }

        return new TriageResult(winner?.Category, winner?.ReplyId, hits.Kept)
        {
            QuestionWithoutDenials = winner is null ? WithoutDeniedClauses(normalized, hits.DeniedClauses) : null,
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

    /// <summary>The hit for one match, or null when an exception (an idiom) in its clause rules it
    /// out. The clause kept in the hit is cut to a window around the match when it is long.</summary>
    private static RuleHit? Judge(SafetyRule rule, Match match, NormalizedMessage normalized, int clauseIndex, bool spansClauses)
    {
        if (spansClauses)
        {
            return new RuleHit(rule.Id, rule.Category, Excerpt(normalized.Text, match.Index, match.Index + match.Length, match), Denied: false);
        }

        var (start, end) = normalized.ClauseRange(clauseIndex);
        var clause = normalized.Text.AsSpan(start, end - start);
        if (rule.Exceptions?.IsMatch(clause) == true)
        {
            return null;
        }

        var denied = rule.Denials?.IsMatch(clause) == true;
        return new RuleHit(rule.Id, rule.Category, Excerpt(normalized.Text, start, end, match), denied);
    }

    /// <summary>The text from <paramref name="start"/> to <paramref name="end"/>, trimmed; when
    /// longer than <see cref="MaxClauseCharacters"/>, the match with words either side, marked
    /// with an ellipsis where cut.</summary>
    private static string Excerpt(string text, int start, int end, Match match)
    {
        if (end - start <= MaxClauseCharacters)
        {
            return text[start..end].Trim();
        }

        var side = Math.Max(0, (MaxClauseCharacters - Math.Min(match.Length, MaxClauseCharacters)) / 2);
        var from = Math.Max(start, match.Index - side);
        var to = Math.Min(end, from + MaxClauseCharacters);
        return (from > start ? "\u2026" : "") + text[from..to].Trim() + (to < end ? "\u2026" : "");
    }

    private static string? WithoutDeniedClauses(NormalizedMessage normalized, IReadOnlySet<int> denied)
    {
        if (denied.Count == 0)
        {
            return null;
        }

        var kept = Enumerable.Range(0, normalized.ClauseStarts.Count)
            .Where(i => !denied.Contains(i))
            .Select(i => normalized.Clause(i).Trim())
            .Where(clause => clause.Length > 0);
        return string.Join(", ", kept);
    }

    private readonly record struct PatternRef(int Rule, int Pattern);
}
