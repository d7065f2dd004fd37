namespace FaqBot.Core.Privacy;

/// <summary>One run of digit groups in a text that could be a phone number: its span, its digits
/// (digit words read as digits), and where each group starts, so trailing groups can be dropped.</summary>
internal sealed record DigitRun(int Start, int End, string Digits, int Words, bool Plus, IReadOnlyList<(int End, int Digits)> Groups);

/// <summary>Finds runs of digit groups in one pass over a text: digits and digit words ("five oh
/// three", "double oh", "nine hundred") joined by single spaces, dots, dashes or brackets ("+44 (20) 7946 0958",
/// "312-555-zero-four-four-one"); a comma joins groups only where a digit word is next to it
/// ("five oh three, five five five"). A run glued to a letter, a currency sign or a placeholder is
/// no candidate ("7ABC123", "$1200", "[phone]12").</summary>
internal static class DigitRuns
{
    /// <summary>Longer runs are read only as far as this many digits (no phone number is longer).</summary>
    public const int MaxDigits = 20;

    private static readonly Dictionary<string, char> DigitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = '0', ["oh"] = '0', ["nought"] = '0', ["naught"] = '0', ["nil"] = '0', ["one"] = '1', ["two"] = '2',
        ["three"] = '3', ["four"] = '4', ["five"] = '5', ["six"] = '6', ["seven"] = '7', ["eight"] = '8', ["nine"] = '9',

        // Spanish: a number said digit by digit ("tres, uno, cero, cinco, ..."); four in a row are needed.
        ["cero"] = '0', ["uno"] = '1', ["dos"] = '2', ["tres"] = '3', ["cuatro"] = '4', ["cinco"] = '5', ["seis"] = '6',
        ["siete"] = '7', ["ocho"] = '8', ["nueve"] = '9',
    };

    private static readonly Dictionary<string, int> Repeats = new(StringComparer.OrdinalIgnoreCase) { ["double"] = 2, ["triple"] = 3 };

    /// <summary>After a digit word, the zeros it adds: "nine hundred" is 900, "two thousand" 2000.</summary>
    private static readonly Dictionary<string, int> Multipliers = new(StringComparer.OrdinalIgnoreCase) { ["hundred"] = 2, ["thousand"] = 3 };

    /// <summary>Every run with at least <paramref name="minDigits"/> digits, in text order.</summary>
    public static List<DigitRun> Find(string text, int minDigits)
    {
        var runs = new List<DigitRun>();
        var at = 0;
        while (at < text.Length)
        {
            var start = NextStart(text, at);
            if (start < 0)
            {
                break;
            }

            var (run, next) = Read(text, start);
            if (run is not null && run.Digits.Length >= minDigits)
            {
                runs.Add(run);
            }

            at = Math.Max(next, start + 1);
        }

        return runs;
    }

    /// <summary>The next place a run can start: a digit, or a digit word, at the start of a word.</summary>
    private static int NextStart(string text, int at)
    {
        for (var i = at; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c) && (i == 0 || !char.IsAsciiDigit(text[i - 1])))
            {
                return i;
            }

            if (char.IsAsciiLetter(c) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && WordAt(text, i).Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static (DigitRun? Run, int Next) Read(string text, int start)
    {
        var plus = start > 0 && text[start - 1] == '+';
        var runStart = plus ? start - 1 : start > 0 && text[start - 1] == '(' ? start - 1 : start;
        if (runStart > 0 && GluedBefore(text[runStart - 1]))
        {
            return (null, SkipToken(text, start));
        }

        var digits = new System.Text.StringBuilder();
        var groups = new List<(int End, int Digits)>();
        var words = 0;
        var at = start;
        var end = start;
        var lastWasWord = false;
        while (at < text.Length && digits.Length < MaxDigits)
        {
            // One token: digits, a digit word, or "double"/"triple" and the digit word or digit it repeats.
            int tokenEnd;
            bool isWord;
            if (char.IsAsciiDigit(text[at]))
            {
                tokenEnd = at;
                while (tokenEnd < text.Length && char.IsAsciiDigit(text[tokenEnd]) && digits.Length < MaxDigits)
                {
                    digits.Append(text[tokenEnd++]);
                }

                isWord = false;
            }
            else if (ReadWord(text, at, digits) is var wordEnd and > 0)
            {
                tokenEnd = wordEnd;
                isWord = true;
                words++;
            }
            else
            {
                break;
            }

            if (tokenEnd < text.Length && (char.IsLetter(text[tokenEnd]) || text[tokenEnd] is '[' or '_' or '@'))
            {
                // Glued to a letter ("7ABC123", "2pm") or an address: the run ends before this token.
                if (!isWord && end == start)
                {
                    return (null, SkipToken(text, tokenEnd));
                }

                break;
            }

            end = tokenEnd;
            groups.Add((end, digits.Length));
            lastWasWord = isWord;
            var next = Separator(text, end, lastWasWord);
            if (next < 0)
            {
                break;
            }

            at = next;
        }

        if (groups.Count == 0)
        {
            return (null, SkipToken(text, start));
        }

        // A closing bracket right after the last group belongs to it ("(613)").
        var finalDigits = groups[^1].Digits;
        var digitString = digits.ToString(0, finalDigits);
        return (new DigitRun(runStart, end, digitString, words, plus, groups), end);
    }

    /// <summary>Where the next token starts after the separator at <paramref name="at"/>, or -1:
    /// one space, dot, dash or bracket (a bracketed group: "(20) 7946"), or a comma next to a digit word.</summary>
    private static int Separator(string text, int at, bool afterWord)
    {
        var i = at;
        var length = 0;
        var comma = false;
        while (i < text.Length && length < 3 && text[i] is ' ' or '\u00A0' or '.' or '-' or '–' or '(' or ')' or ',')
        {
            comma |= text[i] == ',';
            i++;
            length++;
        }

        if (length == 0 || i >= text.Length || (text[at] is ',' && length == 1))
        {
            return -1;
        }

        var nextIsDigit = char.IsAsciiDigit(text[i]);
        var nextIsWord = !nextIsDigit && WordAt(text, i).Length > 0;
        if (!nextIsDigit && !nextIsWord)
        {
            return -1;
        }

        // A sentence's full stop or a list's comma between plain numbers ends the run.
        if ((comma && !afterWord && !nextIsWord) || (text.AsSpan(at, i - at).Contains(". ", StringComparison.Ordinal) && !afterWord))
        {
            return -1;
        }

        return i;
    }

    /// <summary>Reads a digit word (or "double five", or "nine hundred") at <paramref name="at"/>,
    /// appends its digits, and returns where it ends (0 when there is none).</summary>
    private static int ReadWord(string text, int at, System.Text.StringBuilder digits)
    {
        var word = WordAt(text, at);
        if (word.Length == 0)
        {
            return 0;
        }

        if (DigitWords.TryGetValue(word, out var digit))
        {
            digits.Append(digit);
            var wordEnd = at + word.Length;
            if (wordEnd + 1 < text.Length && text[wordEnd] == ' ' && MultiplierAt(text, wordEnd + 1) is { Length: > 0 } multiplier && digit != '0')
            {
                digits.Append('0', Multipliers[multiplier]);
                wordEnd += 1 + multiplier.Length;
            }

            return wordEnd;
        }

        // "double oh", "triple 5".
        var times = Repeats[word];
        var next = at + word.Length;
        if (next >= text.Length || text[next] != ' ')
        {
            return 0;
        }

        next++;
        char repeated;
        int end;
        if (next < text.Length && char.IsAsciiDigit(text[next]))
        {
            repeated = text[next];
            end = next + 1;
        }
        else if (WordAt(text, next) is { Length: > 0 } second && DigitWords.TryGetValue(second, out repeated))
        {
            end = next + second.Length;
        }
        else
        {
            return 0;
        }

        digits.Append(repeated, times);
        return end;
    }

    /// <summary>The digit word (or repeat word) that starts at <paramref name="at"/> and ends a word, or empty.</summary>
    private static string WordAt(string text, int at)
    {
        var end = at;
        while (end < text.Length && char.IsAsciiLetter(text[end]) && end - at < 7)
        {
            end++;
        }

        if (end == at || (end < text.Length && char.IsLetterOrDigit(text[end])))
        {
            return string.Empty;
        }

        var word = text[at..end];
        return DigitWords.ContainsKey(word) || Repeats.ContainsKey(word) ? word : string.Empty;
    }

    /// <summary>"hundred" or "thousand" ending a word at <paramref name="at"/>, or empty.</summary>
    private static string MultiplierAt(string text, int at)
    {
        foreach (var word in Multipliers.Keys)
        {
            var end = at + word.Length;
            if (end <= text.Length && string.Compare(text, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return word;
            }
        }

        return string.Empty;
    }

    private static bool GluedBefore(char c) => char.IsLetterOrDigit(c) || c is '$' or '£' or '€' or '¥' or '₹' or '[' or ']' or '_' or '/' or '#' or '@' or ':' or '.';

    private static int SkipToken(string text, int at)
    {
        while (at < text.Length && char.IsLetterOrDigit(text[at]))
        {
            at++;
        }

        return at;
    }
}
