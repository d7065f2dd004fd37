using System.Globalization;
using System.Text;
using FaqBot.Core.Text;

namespace FaqBot.Core.Safety;

/// <summary>
/// Reads a message the way the safety rules expect it: Unicode NFKC, lower case, zero-width
/// characters removed, emoji and slang expanded ("kms" reads "kill myself"), leetspeak mapped in
/// words that start with a letter ("k1ll" reads "kill"), stretched letters shortened, and
/// misspelt risk words corrected ("sucidal" reads "suicidal"), then split into clauses.
/// </summary>
public sealed class SafetyNormalizer
{
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789.");
    private static readonly string[] Invisible = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"];

    private readonly Dictionary<string, string> _replacements;
    private readonly KeyValuePair<string, string>[] _symbols;
    private readonly HashSet<string> _clauseWords;
    private readonly HashSet<string> _riskWords;
    private readonly FuzzyLexicon _riskLexicon;

    /// <param name="replacements">Words or symbols (emoji) and what they read as.</param>
    /// <param name="clauseWords">Words that start a new clause ("but", "also").</param>
    /// <param name="riskWords">The rules' vocabulary, which misspellings are corrected towards.</param>
    public SafetyNormalizer(IReadOnlyDictionary<string, string> replacements, IReadOnlySet<string> clauseWords, IEnumerable<string> riskWords)
    {
        _replacements = replacements.Where(r => r.Key.All(IsTokenChar)).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        _symbols = [.. replacements.Where(r => !r.Key.All(IsTokenChar)).OrderByDescending(r => r.Key.Length)];
        _clauseWords = new HashSet<string>(clauseWords, StringComparer.Ordinal);
        _riskWords = new HashSet<string>(riskWords, StringComparer.Ordinal);
        _riskLexicon = new FuzzyLexicon(_riskWords.ToDictionary(w => w, _ => 1, StringComparer.Ordinal));
    }

    public NormalizedMessage Normalize(string message)
    {
        var text = UnicodeText.NormalizeKC(message).ToLowerInvariant();
        foreach (var invisible in Invisible)
        {
            text = text.Replace(invisible, "", StringComparison.Ordinal);
        }

        text = text.Replace('\u2019', '\'').Replace('\u2018', '\'');
        foreach (var (symbol, words) in _symbols)
        {
            text = text.Replace(symbol, " " + words + " ", StringComparison.Ordinal);
        }

        var output = new StringBuilder(text.Length + 16);
        var clauseStarts = new List<int> { 0 };
        var token = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\n';
            if (IsTokenChar(c) || c == '.' && token.Length > 0 && i + 1 < text.Length && char.IsDigit(text[i + 1]) && char.IsDigit(token[^1]))
            {
                token.Append(c);
                continue;
            }

            if (token.Length > 0)
            {
                AppendToken(token.ToString(), output, clauseStarts);
                token.Clear();
            }

            if (i < text.Length && c is '.' or '!' or '?' or ';' or ',' or ':' or '\n' or '\r' && output.Length > clauseStarts[^1])
            {
                clauseStarts.Add(output.Length);
            }
        }

        return new NormalizedMessage(output.ToString(), clauseStarts);
    }

    private void AppendToken(string raw, StringBuilder output, List<int> clauseStarts)
    {
        var word = raw.Trim('\'');
        if (word.Length == 0)
        {
            return;
        }

        var unitAt = char.IsDigit(word[0]) ? word.AsSpan().IndexOfAnyExcept(Digits) : -1;
        if (unitAt > 0 && char.IsLetter(word[unitAt]))
        {
            // "100mg" reads as "100 mg", "70kg" as "70 kg".
            AppendToken(word[..unitAt], output, clauseStarts);
            AppendToken(word[unitAt..], output, clauseStarts);
            return;
        }

        if (char.IsLetter(word[0]) && word.Any(c => !char.IsLetter(c) && c != '\''))
        {
            word = Unleet(word);
        }

        word = word.Replace("*", "", StringComparison.Ordinal);
        if (word.Length == 0)
        {
            return;
        }

        var expanded = _replacements.TryGetValue(word, out var replacement) ? replacement : Repair(word);
        if (expanded.Length > 0 && !expanded.Contains(' ', StringComparison.Ordinal))
        {
            AppendWord(expanded, output, clauseStarts);
            return;
        }

        foreach (var part in expanded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            AppendWord(part, output, clauseStarts);
        }
    }

    private void AppendWord(string word, StringBuilder output, List<int> clauseStarts)
    {
        if (_clauseWords.Contains(word) && output.Length > clauseStarts[^1])
        {
            clauseStarts.Add(output.Length);
        }

        output.Append(word).Append(' ');
    }

    /// <summary>Shortens stretched letters and corrects a misspelt risk word; real words stay.</summary>
    private string Repair(string word)
    {
        if (IsKnown(word))
        {
            return word;
        }

        var shortened = LetterRuns.Limit(word, 2, 2);
        if (IsKnown(shortened))
        {
            return shortened;
        }

        var single = LetterRuns.Limit(word, 1, 1);
        if (IsKnown(single))
        {
            return single;
        }

        if (_replacements.TryGetValue(shortened, out var replacement))
        {
            return replacement;
        }

        return _riskLexicon.TryCorrect(shortened, out var correction, out _) ? correction : shortened;
    }

    private bool IsKnown(string word) => _riskWords.Contains(word) || EnglishWords.Contains(word) || _replacements.ContainsKey(word) || IsContraction(word);

    /// <summary>An English word with a contracted ending ("that's", "dog's", "they'd"): a real word,
    /// never a misspelt risk word one letter away ("that's" is not "what's").</summary>
    private static bool IsContraction(string word)
    {
        var apostrophe = word.IndexOf('\'');
        return apostrophe > 0
            && word[(apostrophe + 1)..] is "s" or "re" or "ve" or "ll" or "d" or "m" or "t"
            && EnglishWords.Contains(word[..apostrophe]);
    }

    private static string Unleet(string word)
    {
        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '0' => 'o',
                '1' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' => 't',
                var c => c,
            };
        }

        return new string(chars);
    }

    private static bool IsTokenChar(char c) =>
        char.IsLetterOrDigit(c) || c is '\'' or '@' or '$' or '*' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}
