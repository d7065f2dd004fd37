namespace FaqBot.Core.Safety;

/// <summary>A message as the safety rules read it: lower-case words separated by single spaces
/// (with a trailing space), and where each clause starts (in increasing order).</summary>
public sealed record NormalizedMessage(string Text, IReadOnlyList<int> ClauseStarts)
{
    /// <summary>The clause (0-based) that the character at <paramref name="index"/> belongs to
    /// (a binary search: the last clause starting at or before it).</summary>
    public int ClauseAt(int index)
    {
        var low = 0;
        var high = ClauseStarts.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (ClauseStarts[middle] <= index)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>Where clause <paramref name="clause"/> starts and ends in <see cref="Text"/>.</summary>
    public (int Start, int End) ClauseRange(int clause) =>
        (ClauseStarts[clause], clause + 1 < ClauseStarts.Count ? ClauseStarts[clause + 1] : Text.Length);

    public string Clause(int clause)
    {
        var (start, end) = ClauseRange(clause);
        return Text[start..end];
    }
}
