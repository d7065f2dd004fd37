namespace FaqBot.Core.Privacy;

/// <summary>A word of a text as names are read: letters in any script (with their accents), and
/// apostrophes or hyphens between letters ("O'Neill", "Ruth-Ann", "D'Andre").</summary>
internal readonly record struct NameToken(int Start, int End, string Text)
{
    public bool Upper => char.IsUpper(Text[0]);

    public bool AllUpper => Text.Length > 1 && !Text.Any(char.IsLower);

    /// <summary>A capital letter and a full stop: a middle initial ("Joy M.").</summary>
    public bool IsInitial(string text) => Text.Length == 1 && Upper && End < text.Length && text[End] == '.';
}

/// <summary>Splits a text into <see cref="NameToken"/>s in one pass; words inside a placeholder
/// ("[name]") are left out.</summary>
internal static class NameTokens
{
    public static List<NameToken> Read(string text)
    {
        var tokens = new List<NameToken>();
        var at = 0;
        while (at < text.Length)
        {
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

    /// <summary>Whether the text's capitals say anything: it has lower-case letters and is not
    /// mostly capitals ("GRACE HERE. MY PHONE IS BROKE" says nothing by its capitals).</summary>
    public static bool CapitalsInform(string text)
    {
        int upper = 0, lower = 0;
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
            else if (char.IsLower(c))
            {
                lower++;
            }
        }

        return lower > 0 && upper < lower;
    }

    private static bool IsLetter(char c) =>
        char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
