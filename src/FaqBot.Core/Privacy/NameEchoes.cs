namespace FaqBot.Core.Privacy;

/// <summary>A name found once is the same person wherever else the message writes it: "I'm Summer.
/// Summer Hale, born ..." or "So I'm Cruz. Just Cruz is fine." lose every mention, not the first
/// only. A mention takes the capitalised surname written after it ("Summer Hale"). A word that is
/// also an everyday word ("Will", "Summer") is taken again only inside a sentence, or before a
/// surname: "I'm Will. Will you call me?" keeps its second "Will". One pass over the words.</summary>
internal static class NameEchoes
{
    /// <summary>Surname words a mention may take after it.</summary>
    private const int MaxSurnameWords = 2;

    /// <summary>The shortest name word taken again ("Jo" is, "J" is not).</summary>
    private const int MinWordLength = 2;

    /// <summary><paramref name="kept"/> (in text order, none overlapping) with every other mention of
    /// its names added, still in text order.</summary>
    public static List<Detected> Add(string text, List<Detected> kept)
    {
        if (!kept.Exists(d => d.Kind == RedactionKind.Name))
        {
            return kept;
        }

        var tokens = NameTokens.Read(text);
        // Written in lower case once, any case matches; capitalised, only as written.
        var asWritten = new HashSet<string>(StringComparer.Ordinal);
        var anyCase = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var inside = new bool[tokens.Count];
        var detail = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            while (detail < kept.Count && kept[detail].End <= tokens[t].Start)
            {
                detail++;
            }

            if (detail < kept.Count && kept[detail].Start < tokens[t].End)
            {
                inside[t] = true;
                if (kept[detail].Kind == RedactionKind.Name && Bare(tokens[t].Text) is { Length: >= MinWordLength and <= NameLexicon.MaxWordLength } word)
                {
                    (tokens[t].Upper ? asWritten : anyCase).Add(word);
                }
            }
        }

        if (asWritten.Count + anyCase.Count == 0)
        {
            return kept;
        }

        var echoes = new List<Detected>();
        for (var t = 0; t < tokens.Count; t++)
        {
            if (inside[t] || !(asWritten.Contains(Bare(tokens[t].Text)) || anyCase.Contains(Bare(tokens[t].Text))))
            {
                continue;
            }

            var end = t + 1;
            while (end < tokens.Count && end - t <= MaxSurnameWords && !inside[end] && IsSurnameAfter(text, tokens, end))
            {
                end++;
            }

            if (end == t + 1 && !StandsAsName(text, tokens, t))
            {
                continue;
            }

            // A possessive stays, as where the name was first found ("[name]'s mum").
            var last = tokens[end - 1];
            var stop = last.End - (last.Text.Length - Bare(last.Text).Length);
            echoes.Add(new Detected(tokens[t].Start, stop - tokens[t].Start, RedactionKind.Name));
            t = end - 1;
        }

        if (echoes.Count == 0)
        {
            return kept;
        }

        var all = new List<Detected>(kept.Count + echoes.Count);
        all.AddRange(kept);
        all.AddRange(echoes);
        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        return all;
    }

    /// <summary>The word without a possessive ("Summer's" is "Summer").</summary>
    private static string Bare(string word) =>
        word.Length > 2 && word[^2] is '\'' or '’' && word[^1] is 's' ? word[..^2] : word;

    /// <summary>A capitalised word that is no function word ("Hale" in "Summer Hale"), right after the
    /// word before with nothing but a space between.</summary>
    private static bool IsSurnameAfter(string text, List<NameToken> tokens, int j) =>
        tokens[j].Upper && !tokens[j].IsPlaceholder && !tokens[j].AllUpper
        && text.AsSpan(tokens[j - 1].End, tokens[j].Start - tokens[j - 1].End) is " "
        && NameLexicon.Evidence(tokens[j].Text) is not NameEvidence.Stop;

    /// <summary>A mention alone is taken when the word can only be a name, or when it stands inside
    /// a sentence written in its name's capitals (not where any sentence would capitalise it).</summary>
    private static bool StandsAsName(string text, List<NameToken> tokens, int t)
    {
        if (NameLexicon.Evidence(Bare(tokens[t].Text)) is NameEvidence.Given or NameEvidence.Unknown or NameEvidence.Proper)
        {
            return true;
        }

        var before = text.AsSpan(0, tokens[t].Start).TrimEnd(" \t\"'“‘(");
        return tokens[t].Upper && before.Length > 0 && before[^1] is not ('.' or '!' or '?' or '\n' or '\r' or ':' or '-' or '–' or '—');
    }
}
