namespace FaqBot.Core.Privacy;

/// <summary>A word of a text as names are read: letters in any script (with their accents), and
/// apostrophes or hyphens between letters ("O'Neill", "Ruth-Ann", "D'Andre").</summary>
internal readonly record struct NameToken(int Start, int End, string Text)
{
    /// <summary>Capitalised, or a short lower-case particle joined to a capitalised surname ("al-Rashidi", "d'Angelo").</summary>
    public bool Upper => char.IsUpper(Text[0]) || (Text.AsSpan(0, Math.Min(Text.Length, 4)).IndexOfAny('-', '\'', '’') is > 0 and var joint
        && joint + 1 < Text.Length && char.IsUpper(Text[joint + 1]) && !Text.AsSpan(0, joint).ContainsAnyExcept(LowerLetters));

    private static readonly System.Buffers.SearchValues<char> LowerLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    public bool AllUpper => Text.Length > 1 && !Text.Any(char.IsLower);

    public bool IsPlaceholder => Text[0] == '[';

    /// <summary>A capital letter and a full stop: a middle initial ("Joy M.").</summary>
    public bool IsInitial(string text) => Text.Length == 1 && Upper && End < text.Length && text[End] == '.';
}

/// <summary>Splits a text into <see cref="NameToken"/>s in one pass; a placeholder ("[name]") is
/// one token, never part of a name.</summary>
internal static class NameTokens
{
    public static List<NameToken> Read(string text)
    {
        var tokens = new List<NameToken>();
        var at = 0;
        while (at < text.Length)
        {
            // A placeholder stands where a detail stood: one word, so the words around it are read
            // as they were before it was put in (and redacting again finds nothing new).
            if (text[at] == '[' && PlaceholderAt(text, at) is > 0 and var length)
            {
                tokens.Add(new NameToken(at, at + length, text.Substring(at, length)));
                at += length;
                continue;
            }

            if (!IsLetter(text[at]))
            {
                at++;
                continue;
            }

            var start = at;
            while (at < text.Length && (IsLetter(text[at])
                || (text[at] is '\'' or '’' or '-' && at + 1 < text.Length && IsLetter(text[at + 1]) && at > start)))
            {
                at++;
            }

            var inPlaceholder = start > 0 && text[start - 1] == '[';
            var gluedToDigit = (start > 0 && char.IsDigit(text[start - 1])) || (at < text.Length && char.IsDigit(text[at]));
            if (!inPlaceholder && !gluedToDigit)
            {
                tokens.Add(new NameToken(start, at, text[start..at]));
            }
        }

        return tokens;
    }

    /// <summary>Every placeholder the redactor writes.</summary>
    private static readonly string[] Placeholders =
        [.. Enum.GetValues<RedactionKind>().Select(RedactionPlaceholders.For), RedactionPlaceholders.Withheld];

    private static int PlaceholderAt(string text, int at)
    {
        foreach (var placeholder in Placeholders)
        {
            if (string.CompareOrdinal(text, at, placeholder, 0, placeholder.Length) == 0)
            {
                return placeholder.Length;
            }
        }

        return 0;
    }

    /// <summary>An acronym rather than a name in capitals ("It's MGEN", "under HIPAA"): two to six
    /// capitals, no given name, with no word in capitals beside it (a name written in capitals, as
    /// in a form, rarely stands alone: "KIRRA W", "JOHN SMITH"), and no number after it (a code
    /// before digits is part of an id: "XYP 4418 2290 3"). Read only where the writer's capitals
    /// inform (<see cref="CapitalsInform"/>).</summary>
    public static bool IsAcronym(string message, List<NameToken> tokens, int i)
    {
        var text = tokens[i].Text;
        var after = tokens[i].End;
        while (after < message.Length && message[after] == ' ')
        {
            after++;
        }

        return tokens[i].AllUpper && text.Length <= 6 && text.All(char.IsLetter) && !NameLexicon.IsGivenName(text)
            && !InCapitals(i - 1) && !InCapitals(i + 1) && !(after < message.Length && char.IsDigit(message[after]));

        bool InCapitals(int j) => j >= 0 && j < tokens.Count && !tokens[j].IsPlaceholder && !tokens[j].Text.Any(char.IsLower);
    }

    /// <summary>Whether the capitals of the words say anything: there are lower-case letters and
    /// capitals are fewer ("GRACE HERE. MY PHONE IS BROKE" says nothing by its capitals);
    /// placeholders are not counted.</summary>
    public static bool CapitalsInform(List<NameToken> tokens)
    {
        int upper = 0, lower = 0;
        foreach (var token in tokens)
        {
            if (token.IsPlaceholder)
            {
                continue;
            }

            foreach (var c in token.Text)
            {
                upper += char.IsUpper(c) ? 1 : 0;
                lower += char.IsLower(c) ? 1 : 0;
            }
        }

        return lower > 0 && upper < lower;
    }

    private static bool IsLetter(char c) =>
        char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
