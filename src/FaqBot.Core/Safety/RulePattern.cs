using System.Text;
using System.Text.RegularExpressions;

namespace FaqBot.Core.Safety;

/// <summary>
/// The small pattern language of the safety rules, compiled to a regular expression over a
/// normalised message (lower-case words separated by single spaces, with a trailing space).
/// <list type="bullet">
/// <item><c>kill myself</c>: words in order.</item>
/// <item><c>suicid*</c>: any word starting with "suicid".</item>
/// <item><c>(end|take) my life</c>: one of several words or word sequences.</item>
/// <item><c>[really] want to die</c>: optional words.</item>
/// <item><c>took ... pills</c>: up to four words in between.</item>
/// <item><c>{benzo}</c>: any entry of a named list (a plural "s" or "es" is allowed).</item>
/// <item><c>&lt;number&gt;</c>: a number.</item>
/// </list>
/// </summary>
public static class RulePattern
{
    public const int MaxGap = 4;

    /// <summary>The regular expression for one pattern. Throws <see cref="FormatException"/> with
    /// a reason when the pattern is malformed.</summary>
    public static string ToRegex(string pattern, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        var parser = new Parser(pattern.Trim().ToLowerInvariant(), lists);
        var body = parser.ParseAlternatives(topLevel: true);
        return @"(?<=^|\s)" + body;
    }

    /// <summary>The literal words a pattern uses (list entries included): the risk vocabulary that
    /// misspellings are corrected towards.</summary>
    public static IEnumerable<string> Words(string pattern, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        foreach (Match match in Regex.Matches(pattern.ToLowerInvariant(), @"\{([a-z0-9-]+)\}|([a-z0-9']+)\*|[a-z0-9']+\b(?!\*)"))
        {
            if (match.Groups[2].Success)
            {
                foreach (var word in Text.EnglishWords.StartingWith(match.Groups[2].Value))
                {
                    yield return word;
                }
            }
            else if (match.Groups[1].Success)
            {
                if (lists.TryGetValue(match.Groups[1].Value, out var entries))
                {
                    foreach (var entry in entries.SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                    {
                        yield return entry;
                    }
                }
            }
            else
            {
                yield return match.Value;
            }
        }
    }

    private sealed class Parser(string text, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        private int _at;

        public string ParseAlternatives(bool topLevel)
        {
            var options = new List<string> { ParseSequence() };
            while (Peek() == '|')
            {
                _at++;
                options.Add(ParseSequence());
            }

            if (topLevel && _at < text.Length)
            {
                throw new FormatException($"unexpected '{text[_at]}' at position {_at + 1}");
            }

            return options.Count == 1 ? options[0] : "(?:" + string.Join('|', options) + ")";
        }

        private string ParseSequence()
        {
            var items = new StringBuilder();
            var count = 0;
            while (true)
            {
                SkipSpaces();
                var c = Peek();
                if (c is '\0' or '|' or ')' or ']')
                {
                    break;
                }

                items.Append(ParseItem());
                count++;
            }

            if (count == 0)
            {
                throw new FormatException($"empty pattern or group at position {_at + 1}");
            }

            return items.ToString();
        }

        private string ParseItem()
        {
            var c = Peek();
            switch (c)
            {
                case '(':
                    _at++;
                    var group = ParseAlternatives(topLevel: false);
                    Expect(')');
                    return "(?:" + group + ")";
                case '[':
                    _at++;
                    var optional = ParseAlternatives(topLevel: false);
                    Expect(']');
                    return "(?:" + optional + ")?";
                case '{':
                    _at++;
                    var end = text.IndexOf('}', _at);
                    if (end < 0)
                    {
                        throw new FormatException("a '{' list reference is not closed with '}'");
                    }

                    var name = text[_at..end];
                    _at = end + 1;
                    if (!lists.TryGetValue(name, out var entries) || entries.Count == 0)
                    {
                        throw new FormatException($"unknown or empty list '{{{name}}}'");
                    }

                    return "(?:" + string.Join('|', entries.Select(Phrase)) + ")";
                case '<' when text.AsSpan(_at).StartsWith("<number>"):
                    _at += "<number>".Length;
                    return @"\d+(?:\.\d+)?\s+";
                case '.' when text.AsSpan(_at).StartsWith("..."):
                    _at += 3;
                    return @"(?:\S+\s+){0," + MaxGap + "}";
                default:
                    return ParseWord();
            }
        }

        private string ParseWord()
        {
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '\'' || (text[_at] == '.' && _at + 1 < text.Length && char.IsDigit(text[_at + 1]))))
            {
                _at++;
            }

            if (_at == start)
            {
                throw new FormatException($"unexpected '{text[_at]}' at position {_at + 1}");
            }

            var word = Regex.Escape(text[start.._at]);
            if (Peek() == '*')
            {
                _at++;
                return word + @"\S*\s+";
            }

            return word + @"\s+";
        }

        private static string Phrase(string entry)
        {
            var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return string.Concat(words.Select((w, i) => Regex.Escape(w) + (i == words.Length - 1 ? @"(?:s|es)?\s+" : @"\s+")));
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw new FormatException($"expected '{c}' at position {_at + 1}");
            }

            _at++;
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';

        private void SkipSpaces()
        {
            while (_at < text.Length && text[_at] == ' ')
            {
                _at++;
            }
        }
    }
}
