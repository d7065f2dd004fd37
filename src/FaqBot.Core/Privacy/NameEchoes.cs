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

        var echoes = new List<Detected>();
        AddAliases(text, tokens, kept, inside, echoes);
        if (asWritten.Count + anyCase.Count == 0 && echoes.Count == 0)
        {
            return kept;
        }

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

    /// <summary>The longest alias in brackets, in characters and in words.</summary>
    private const int MaxAliasLength = 40;

    private const int MaxAliasWords = 3;

    /// <summary>A name and another way of writing it in brackets, whichever of the two was found:
    /// "Jihoon Park (지훈)", "陈志强 (Zhiqiang Chen)", "mo (mohammed)". Every word of the other is a
    /// name word or a word of another script, at most three words and 40 characters, and nothing
    /// else stands in the brackets.</summary>
    private static void AddAliases(string text, List<NameToken> tokens, List<Detected> kept, bool[] inside, List<Detected> aliases)
    {
        var t = 0;
        foreach (var name in kept.Where(d => d.Kind == RedactionKind.Name))
        {
            while (t < tokens.Count && tokens[t].End <= name.Start)
            {
                t++;
            }

            var after = t;
            while (after < tokens.Count && tokens[after].Start < name.End)
            {
                after++;
            }

            // "Jihoon Park (지훈)": the words in the brackets after the name.
            if (after < tokens.Count && text.AsSpan(name.End, tokens[after].Start - name.End).Trim(" \t") is "(")
            {
                var end = after + 1;
                while (end < tokens.Count && end - after < MaxAliasWords && text.AsSpan(tokens[end - 1].End, tokens[end].Start - tokens[end - 1].End) is " " or ". ")
                {
                    end++;
                }

                if (text.AsSpan(tokens[end - 1].End).TrimStart(" .") is [')', ..] && IsAlias(tokens, inside, after, end))
                {
                    aliases.Add(new Detected(tokens[after].Start, tokens[end - 1].End - tokens[after].Start, RedactionKind.Name));
                }
            }

            // "陈志强 (Zhiqiang Chen)": the words right before the brackets the name stands in.
            if (t > 0 && text.AsSpan(tokens[t - 1].End, name.Start - tokens[t - 1].End).Trim(" \t") is "("
                && text.AsSpan(name.End).TrimStart(" \t") is [')', ..])
            {
                var start = t - 1;
                while (start > 0 && t - start < MaxAliasWords && text.AsSpan(tokens[start - 1].End, tokens[start].Start - tokens[start - 1].End) is " "
                    && IsAliasWord(tokens[start - 1].Text) && !tokens[start - 1].IsPlaceholder)
                {
                    start--;
                }

                if (IsAlias(tokens, inside, start, t))
                {
                    aliases.Add(new Detected(tokens[start].Start, tokens[t - 1].End - tokens[start].Start, RedactionKind.Name));
                }
            }
        }
    }

    private static bool IsAlias(List<NameToken> tokens, bool[] inside, int start, int end)
    {
        if (tokens[end - 1].End - tokens[start].Start > MaxAliasLength)
        {
            return false;
        }

        for (var k = start; k < end; k++)
        {
            if (inside[k] || tokens[k].IsPlaceholder || !IsAliasWord(tokens[k].Text))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A word of another script, or one the lists can read as a name.</summary>
    private static bool IsAliasWord(string word) =>
        !word.Any(char.IsAscii)
        || (!NameContextDetector.IsTitleOrRelation(word) && NameLexicon.Evidence(Bare(word)) is NameEvidence.Given or NameEvidence.Unknown or NameEvidence.Proper or NameEvidence.WordName);

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
