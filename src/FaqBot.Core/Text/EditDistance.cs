namespace FaqBot.Core.Text;

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of
/// two neighbouring letters ("infusoin" is one edit from "infusion").</summary>
public static class EditDistance
{
    /// <summary>The distance, or <paramref name="max"/> + 1 as soon as it is known to exceed it.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 256 ? stackalloc int[width * 3] : new int[width * 3];
        var twoBack = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, twoBack[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }

        return Math.Min(previous[b.Length], max + 1);
    }

    /// <summary>Edits allowed for a word of this length: none below 5 letters, one from 5, two from 8.</summary>
    public static int AllowedFor(int length) => length >= 8 ? 2 : length >= 5 ? 1 : 0;
}
