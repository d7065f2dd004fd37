namespace FaqBot.Core.Safety;

/// <summary>A message as the safety rules read it: lower-case words separated by single spaces
/// (with a trailing space), and where each clause starts.</summary>
public sealed record NormalizedMessage(string Text, IReadOnlyList<int> ClauseStarts)
{
    /// <summary>The clause (0-based) that the character at <paramref name="index"/> belongs to.</summary>
    public int ClauseAt(int index)
    {
        var clause = 0;
        while (clause + 1 < ClauseStarts.Count && ClauseStarts[clause + 1] <= index)
        {
            clause++;
        }

        return clause;
    }

    public string Clause(int clause)
    {
        var start = ClauseStarts[clause];
        var end = clause + 1 < ClauseStarts.Count ? ClauseStarts[clause + 1] : Text.Length;
        return Text[start..end];
    }
}
