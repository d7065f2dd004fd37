namespace FaqBot.Core.Safety;

/// <summary>What one triage keeps of the rules' hits, bounded whatever the message: each rule's
/// verdict on a clause is reached once (a message repeating one phrase a thousand times is judged
/// once per clause, not a thousand times), at most <see cref="MaxHitsPerRule"/> standing and as
/// many denied hits are kept per rule as examples for the trace, and every clause a denial
/// cancelled is remembered so the question can be read without it.</summary>
internal sealed class TriageHits
{
    public const int MaxHitsPerRule = 3;

    private readonly HashSet<(int Rule, int Clause)> _judged = [];
    private readonly HashSet<int> _timedOut = [];
    private readonly Dictionary<(int Rule, bool Denied), int> _kept = [];
    private readonly HashSet<int> _deniedClauses = [];

    public List<RuleHit> Kept { get; } = [];

    public IReadOnlySet<int> DeniedClauses => _deniedClauses;

    /// <summary>True when nothing more can come of trying this rule in this clause: its verdict
    /// there is known, or the rule timed out and already counts as fired.</summary>
    public bool Judged(int rule, int clause) => _timedOut.Contains(rule) || _judged.Contains((rule, clause));

    /// <param name="rule">The rule's index.</param>
    /// <param name="clause">The clause the match starts in.</param>
    /// <param name="hit">The hit, or null when an exception in the clause ruled the match out.</param>
    /// <param name="judged">True when the verdict holds for the whole clause (a match within it);
    /// a match spanning clauses, or a time-out, is not a verdict on the clause.</param>
    public void Add(int rule, int clause, RuleHit? hit, bool judged)
    {
        if (judged)
        {
            _judged.Add((rule, clause));
        }

        if (hit is null)
        {
            return;
        }

        if (hit.Denied)
        {
            _deniedClauses.Add(clause);
        }

        var key = (rule, hit.Denied);
        var kept = _kept.GetValueOrDefault(key);
        if (kept < MaxHitsPerRule)
        {
            Kept.Add(hit);
            _kept[key] = kept + 1;
        }
    }

    /// <summary>A rule whose pattern timed out counts as fired (fail closed) and is not tried again.</summary>
    public void AddTimedOut(int rule, RuleHit hit)
    {
        _timedOut.Add(rule);
        Add(rule, -1, hit, judged: false);
    }
}
