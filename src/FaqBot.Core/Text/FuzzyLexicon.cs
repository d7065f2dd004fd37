namespace FaqBot.Core.Text;

/// <summary>
/// Finds the closest known word to a misspelt one. Every known word is stored under each string
/// obtained by deleting up to two of its letters; a misspelt word's own deletions then meet those
/// keys, and the optimal string alignment distance confirms the candidates. Lookups touch a few
/// dozen keys whatever the vocabulary size. A word longer than <see cref="MaxWordLength"/>, or
/// longer than any known word by more than the edits allowed, is never looked up: its deletions
/// grow with the square of its length, and no known word could be close to it anyway.
/// </summary>
public sealed class FuzzyLexicon
{
    private const int MaxDeletes = 2;
    private const int MinWordLength = 4;

    /// <summary>The longest word a lookup considers (English words this long are very rare; a
    /// known word longer than this is still matched exactly).</summary>
    public const int MaxWordLength = 32;

    private readonly Dictionary<string, List<string>> _byDeletion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _frequency;
    private readonly int _longest;

    /// <param name="words">Known words with how often they occur (ties go to the more frequent word).</param>
    public FuzzyLexicon(IReadOnlyDictionary<string, int> words)
    {
        _frequency = new Dictionary<string, int>(words, StringComparer.Ordinal);
        _longest = _frequency.Keys.Where(w => w.Length <= MaxWordLength).Select(w => w.Length).DefaultIfEmpty(0).Max();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in _frequency.Keys)
        {
            if (word.Length is < MinWordLength or > MaxWordLength)
            {
                continue;
            }

            keys.Clear();
            AddDeletions(word, word.Length >= 6 ? MaxDeletes : 1, keys);
            foreach (var key in keys)
            {
                if (!_byDeletion.TryGetValue(key, out var list))
                {
                    _byDeletion[key] = list = [];
                }

                list.Add(word);
            }
        }
    }

    public int Count => _frequency.Count;

    public bool Contains(string word) => _frequency.ContainsKey(word);

    /// <summary>The known word closest to <paramref name="word"/> within the edits its length allows.</summary>
    public bool TryCorrect(string word, out string correction, out int distance)
    {
        correction = word;
        distance = 0;
        var allowed = EditDistance.AllowedFor(word.Length);
        if (allowed == 0 || word.Length > Math.Min(MaxWordLength, _longest + allowed) || _frequency.ContainsKey(word))
        {
            return false;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        AddDeletions(word, allowed, keys);
        var best = (Word: (string?)null, Distance: int.MaxValue, Frequency: 0);
        foreach (var key in keys)
        {
            if (!_byDeletion.TryGetValue(key, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                var d = EditDistance.Bounded(word, candidate, allowed);
                if (d > allowed)
                {
                    continue;
                }

                var frequency = _frequency[candidate];
                if (d < best.Distance || d == best.Distance && (frequency > best.Frequency
                    || frequency == best.Frequency && string.CompareOrdinal(candidate, best.Word) < 0))
                {
                    best = (candidate, d, frequency);
                }
            }
        }

        if (best.Word is null)
        {
            return false;
        }

        correction = best.Word;
        distance = best.Distance;
        return true;
    }

    private static void AddDeletions(string word, int depth, HashSet<string> keys)
    {
        keys.Add(word);
        if (depth == 0 || word.Length <= 1)
        {
            return;
        }

        for (var i = 0; i < word.Length; i++)
        {
            // A key seen before has the same length, so its own deletions are already in the set.
            var shorter = string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
            if (keys.Add(shorter) && depth > 1)
            {
                AddDeletions(shorter, depth - 1, keys);
            }
        }
    }
}
