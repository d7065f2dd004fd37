namespace FaqBot.Core.Safety;

/// <summary>
/// The pieces of a normalised message that are encoded as sentences: the whole message and its
/// clauses (as the gate splits them). The semantic safety layer and hybrid retrieval read the same
/// pieces, so a turn encodes each piece once (the second reader finds it in the encoder's cache of
/// recent texts).
/// </summary>
public static class MessagePieces
{
    /// <summary>The fewest words a clause needs to be compared alone; shorter ones ride with the whole message.</summary>
    public const int MinClauseWords = 3;

    /// <summary>The most words of one piece that are encoded: a clause says what it says in far fewer,
    /// and it keeps a 20,000-character message to a few milliseconds per piece.</summary>
    public const int MaxPieceWords = 64;

    /// <summary>The whole message first, then its clauses, each of at least <see cref="MinClauseWords"/>
    /// words (a greeting or a farewell alone is left to the rules) and cut to its first
    /// <see cref="MaxPieceWords"/>; when there are more than <paramref name="max"/> clauses, neighbouring clauses are
    /// joined so that every part of the message is in some piece.</summary>
    /// <param name="normalized">The message as the gate normalised it.</param>
    /// <param name="max">The most clause pieces; neighbouring clauses are joined above it.</param>
    /// <param name="minWholeWords">The fewest words the whole message needs to be a piece
    /// (retrieval reads a one-word question whole; the safety layer leaves it to the rules).</param>
    public static List<string> Of(NormalizedMessage normalized, int max, int minWholeWords = MinClauseWords)
    {
        var clauses = new List<string>();
        for (var i = 0; i < normalized.ClauseStarts.Count; i++)
        {
            var clause = normalized.Clause(i).Trim();
            if (clause.Length > 0)
            {
                clauses.Add(clause);
            }
        }

        var pieces = new List<string>(max + 1);
        AddPiece(pieces, normalized.Text, minWholeWords);
        if (clauses.Count <= 1)
        {
            return pieces;
        }

        var perPiece = (clauses.Count + max - 1) / max;
        for (var i = 0; i < clauses.Count; i += perPiece)
        {
            AddPiece(pieces, string.Join(", ", clauses.Skip(i).Take(perPiece)), MinClauseWords);
        }

        return pieces;
    }

    /// <summary>The text's first <see cref="MaxPieceWords"/> words.</summary>
    public static string Clip(string text) => string.Join(' ', FirstWords(text).Take(MaxPieceWords));

    /// <summary>Adds the piece's first <see cref="MaxPieceWords"/> words when it has at least <paramref name="minWords"/>.</summary>
    private static void AddPiece(List<string> pieces, string text, int minWords)
    {
        var words = FirstWords(text);
        if (words.Length >= minWords)
        {
            pieces.Add(string.Join(' ', words.Take(MaxPieceWords)));
        }
    }

    /// <summary>The first <see cref="MaxPieceWords"/> words, and the rest of the text as one more element.</summary>
    private static string[] FirstWords(string text) =>
        text.Split(' ', MaxPieceWords + 1, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
