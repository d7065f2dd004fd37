namespace FaqBot.Core.Privacy;

/// <summary>
/// A message as the <see cref="NameRecogniser"/> reads it: its words (<see cref="NameTokens"/>),
/// what the encoder reads (each word, and the marks and numbers between words, split at white
/// space), and which words could be a name: letters, not a placeholder, no word the lists rule out,
/// an everyday English word only when written with a capital, no acronym, and no word naming a
/// place or an organisation with the word after it. At most <c>maxTokens</c> are read.
/// </summary>
internal sealed class NameReading
{
    private NameReading(string text, List<NameToken> words, List<string> encoderWords, List<int> encoderIndex, List<int> candidates, NameEvidence[] evidence, bool capitalsInform)
    {
        Text = text;
        Words = words;
        EncoderWords = encoderWords;
        EncoderIndex = encoderIndex;
        Candidates = candidates;
        Evidence = evidence;
        CapitalsInform = capitalsInform;
    }

    public string Text { get; }

    public List<NameToken> Words { get; }

    /// <summary>What the encoder reads, in order.</summary>
    public List<string> EncoderWords { get; }

    /// <summary>For each word, its place in <see cref="EncoderWords"/>.</summary>
    public List<int> EncoderIndex { get; }

    /// <summary>Indexes into <see cref="Words"/> of the words the model scores, in order.</summary>
    public List<int> Candidates { get; }

    /// <summary>What the word lists say of each word.</summary>
    public NameEvidence[] Evidence { get; }

    /// <summary>Whether the writer's capitals say anything (<see cref="NameTokens.CapitalsInform"/>).</summary>
    public bool CapitalsInform { get; }

    public static NameReading Of(string text, int maxTokens)
    {
        var words = NameTokens.Read(text);
        var encoderWords = new List<string>();
        var encoderIndex = new List<int>(words.Count);
        var at = 0;
        var kept = 0;
        for (; kept < words.Count && encoderWords.Count < maxTokens; kept++)
        {
            var word = words[kept];
            AddGap(text, at, word.Start, encoderWords, maxTokens - 1);
            encoderIndex.Add(encoderWords.Count);
            encoderWords.Add(word.Text);
            at = word.End;
        }

        if (kept < words.Count)
        {
            words.RemoveRange(kept, words.Count - kept);
        }
        else
        {
            AddGap(text, at, text.Length, encoderWords, maxTokens);
        }

        var evidence = words.Select(w => w.IsPlaceholder ? NameEvidence.Stop : NameLexicon.Evidence(w.Text)).ToArray();
        var capitalsInform = NameTokens.CapitalsInform(words);
        var candidates = new List<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (evidence[i] is not NameEvidence.Stop && (evidence[i] is not NameEvidence.Common || words[i].Upper) && !BeforePlaceSuffix(words, i)
                && !(capitalsInform && NameTokens.IsAcronym(text, words, i)))
            {
                candidates.Add(i);
            }
        }

        return new NameReading(text, words, encoderWords, encoderIndex, candidates, evidence, capitalsInform);
    }

    /// <summary>A capitalised word before a capitalised place or organisation word ("Discovery
    /// Health", "Rosewood Lodge") names that place, not a person.</summary>
    private static bool BeforePlaceSuffix(List<NameToken> words, int i) =>
        words[i].Upper && i + 1 < words.Count && words[i + 1].Upper && !words[i + 1].IsPlaceholder
        && NameContextDetector.IsPlaceSuffix(words[i + 1].Text);

    /// <summary>The marks and numbers between two words, split at white space.</summary>
    private static void AddGap(string text, int from, int to, List<string> encoderWords, int maxTokens)
    {
        var start = -1;
        for (var i = from; i <= to && encoderWords.Count < maxTokens; i++)
        {
            var space = i == to || char.IsWhiteSpace(text[i]);
            if (space && start >= 0)
            {
                encoderWords.Add(text[start..i]);
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
            }
        }
    }
}
