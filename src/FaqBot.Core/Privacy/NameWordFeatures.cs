namespace FaqBot.Core.Privacy;

/// <summary>
/// What the <see cref="NameRecogniser"/> reads of one word besides its vector: what the word
/// lists say of it and of the words either side, and its form and place (a capital, all
/// capitals, another script, the start of a sentence, a comma or a bracket beside it, whether the
/// writer uses capitals at all). Changing these changes <see cref="NameRecogniser.FeatureVersion"/>.
/// </summary>
internal static class NameWordFeatures
{
    private static readonly int EvidenceKinds = Enum.GetValues<NameEvidence>().Length;

    /// <summary>The word's evidence, its neighbours' (or a placeholder, or none), then <see cref="FormCount"/> marks of form and place.</summary>
    public static int Count => (3 * EvidenceKinds) + 4 + FormCount;

    private const int FormCount = 15;

    /// <summary>The model's input: <paramref name="vector"/> then the word's features.</summary>
    public static float[] Of(NameReading reading, int word, float[] vector)
    {
        var features = new float[vector.Length + Count];
        vector.CopyTo(features, 0);
        var at = vector.Length;
        var words = reading.Words;
        var token = words[word];
        var text = reading.Text;

        features[at + (int)reading.Evidence[word]] = 1;
        at += EvidenceKinds;
        at = Neighbour(word - 1, at);
        at = Neighbour(word + 1, at);

        var before = PreviousMark(text, word > 0 ? words[word - 1].End : 0, token.Start);
        var after = NextMark(text, token.End, word + 1 < words.Count ? words[word + 1].Start : text.Length);
        ReadOnlySpan<bool> form =
        [
            token.Upper,
            token.AllUpper,
            !token.Text.Any(char.IsUpper),
            reading.CapitalsInform,
            word == 0 || before is '.' or '!' or '?' or '\n',
            before == ',',
            after == ',',
            word > 0 && words[word - 1].Upper && !words[word - 1].IsPlaceholder,
            word + 1 < words.Count && words[word + 1].Upper && !words[word + 1].IsPlaceholder,
            token.Text.Any(c => char.IsLetter(c) && c > '\u024F'),
            token.Text.Length <= 2,
            token.Text.AsSpan().IndexOfAny('-', '\'', '’') >= 0,
            before == '(' || after == ')',
            after is ':' or '.',
            NameLexicon.IsGivenName(token.Text),
        ];
        foreach (var mark in form)
        {
            features[at++] = mark ? 1 : 0;
        }

        return features;

        int Neighbour(int index, int start)
        {
            var evidence = index >= 0 && index < words.Count
                ? (words[index].IsPlaceholder ? EvidenceKinds : (int)reading.Evidence[index])
                : EvidenceKinds + 1;
            features[start + evidence] = 1;
            return start + EvidenceKinds + 2;
        }
    }

    /// <summary>The last mark before the word in the gap (a newline counts), or a space when none.</summary>
    private static char PreviousMark(string text, int from, int to)
    {
        for (var i = to - 1; i >= from; i--)
        {
            if (text[i] == '\n' || !char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return ' ';
    }

    private static char NextMark(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return ' ';
    }
}
