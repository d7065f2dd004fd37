using System.Globalization;
using System.Text;
using FaqBot.Core.Text;

namespace FaqBot.Core.Embeddings;

/// <summary>
/// The word-piece tokeniser of the embedded uncased models, with the word each piece came from:
/// a word is lower-cased and stripped of accents, split at punctuation (each mark its own piece)
/// and around CJK characters, and each part is matched longest piece first against the model's
/// vocabulary ("okafor" → "oka", "##for"); a part with no match, or longer than
/// <see cref="MaxPartLength"/>, is the unknown piece. Cost is linear in the word's length.
/// </summary>
internal sealed class WordPieces
{
    /// <summary>Longest part matched piece by piece; longer parts are one unknown piece.</summary>
    public const int MaxPartLength = 64;

    private readonly Dictionary<string, int> _ids;

    /// <summary><see cref="_ids"/> read by spans, so matching a part allocates nothing.</summary>
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordPieces(IEnumerable<string> vocabulary)
    {
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var id = 0;
        foreach (var line in vocabulary)
        {
            _ids.TryAdd(line.TrimEnd('\r'), id++);
        }

        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Unknown = Id("[UNK]");
        Start = Id("[CLS]");
        End = Id("[SEP]");
        Padding = Id("[PAD]");
    }

    public int Unknown { get; }

    public int Start { get; }

    public int End { get; }

    public int Padding { get; }

    /// <summary>Appends the first pieces of <paramref name="word"/> to <paramref name="pieces"/>, at
    /// most <paramref name="limit"/>; returns how many.</summary>
    public int Add(string word, List<int> pieces, int limit = int.MaxValue)
    {
        var before = pieces.Count;
        var part = new StringBuilder();
        foreach (var c in Normalise(word))
        {
            if (pieces.Count - before >= limit)
            {
                break;
            }

            if (char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (char.IsPunctuation(c) || char.IsSymbol(c) || IsCjk(c))
            {
                Flush();
                pieces.Add(_lookup.TryGetValue([c], out var id) ? id : Unknown);
            }
            else
            {
                part.Append(c);
            }
        }

        Flush();
        if (pieces.Count - before > limit)
        {
            pieces.RemoveRange(before + limit, pieces.Count - before - limit);
        }

        return pieces.Count - before;

        void Flush()
        {
            if (part.Length > 0)
            {
                AddPart(part.ToString(), pieces);
                part.Clear();
            }
        }
    }

    private int Id(string piece) =>
        _ids.TryGetValue(piece, out var id) ? id : throw new InvalidDataException($"The vocabulary has no {piece} piece.");

    /// <summary>Greedy longest match from the left; "##" marks a piece inside a word.</summary>
    private void AddPart(string part, List<int> pieces)
    {
        if (part.Length > MaxPartLength)
        {
            pieces.Add(Unknown);
            return;
        }

        var added = pieces.Count;
        Span<char> inside = stackalloc char[MaxPartLength + 2]; // "##" and the rest of the part
        inside[0] = '#';
        inside[1] = '#';
        var start = 0;
        while (start < part.Length)
        {
            var found = -1;
            var end = part.Length;
            for (; end > start; end--)
            {
                scoped ReadOnlySpan<char> candidate = part.AsSpan(0, end);
                if (start > 0)
                {
                    part.AsSpan(start, end - start).CopyTo(inside[2..]);
                    candidate = inside[..(end - start + 2)];
                }

                if (_lookup.TryGetValue(candidate, out found))
                {
                    break;
                }
            }

            if (end == start)
            {
                pieces.RemoveRange(added, pieces.Count - added);
                pieces.Add(Unknown);
                return;
            }

            pieces.Add(found);
            start = end;
        }
    }

    /// <summary>Lower case without accents ("Siobhán" → "siobhan"), control characters dropped; a lone
    /// surrogate or a noncharacter becomes U+FFFD (read as an unknown piece) rather than failing.</summary>
    private static string Normalise(string word)
    {
        var decomposed = UnicodeText.WithoutInvalid(word.ToLowerInvariant()).Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\u3040' and <= '\u30FF') or (>= '\uAC00' and <= '\uD7AF');
}
