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
    public static string ToRegex(string pattern, IReadOnlyDictionary<string, IReadOnlyList<string>> lists) =>
        WordStart + Compile(pattern, lists).Regex;

    /// <summary>Matches only where a word starts.</summary>
    public const string WordStart = @"(?<=^|\s)";

    /// <summary>The regular expression for one pattern, to be tried where a word starts, and the
    /// tokens a match can start with.</summary>
    public static (string Regex, FirstTokens First) Compile(string pattern, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        var parser = new Parser(pattern.Trim().ToLowerInvariant(), lists);
        var body = parser.ParseAlternatives(topLevel: true);
        var first = body.First;
        first.Any |= body.Nullable;
        return (body.Regex, first);
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

    /// <summary>A parsed piece of a pattern: its regular expression, the tokens it can start with,
    /// and whether it can match nothing.</summary>
    private sealed record Node(string Regex, FirstTokens First, bool Nullable);

    private sealed class Parser(string text, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        private int _at;

        public Node ParseAlternatives(bool topLevel)
        {
            var options = new List<Node> { ParseSequence() };
            while (Peek() == '|')
            {
                _at++;
                options.Add(ParseSequence());
            }

            if (topLevel && _at < text.Length)
            {
                throw new FormatException($"unexpected '{text[_at]}' at position {_at + 1}");
            }

            if (options.Count == 1)
            {
                return options[0];
            }

            var first = new FirstTokens();
            foreach (var option in options)
            {
                first.UnionWith(option.First);
            }

            return new Node("(?:" + string.Join('|', options.Select(o => o.Regex)) + ")", first, options.Any(o => o.Nullable));
        }

        private Node ParseSequence()
        {
            var regex = new StringBuilder();
            var first = new FirstTokens();
            var nullable = true;
            var count = 0;
            while (true)
            {
                SkipSpaces();
                var c = Peek();
                if (c is '\0' or '|' or ')' or ']')
                {
                    break;
                }

                var item = ParseItem();
                regex.Append(item.Regex);
                if (nullable)
                {
                    first.UnionWith(item.First);
                    nullable = item.Nullable;
                }

                count++;
            }

            if (count == 0)
            {
                throw new FormatException($"empty pattern or group at position {_at + 1}");
            }

            return new Node(regex.ToString(), first, nullable);
        }

        private Node ParseItem()
        {
            var c = Peek();
            switch (c)
            {
                case '(':
                    _at++;
                    var group = ParseAlternatives(topLevel: false);
                    Expect(')');
                    return group with { Regex = "(?:" + group.Regex + ")" };
                case '[':
                    _at++;
                    var optional = ParseAlternatives(topLevel: false);
                    Expect(']');
                    return new Node("(?:" + optional.Regex + ")?", optional.First, Nullable: true);
                case '{':
                    return ParseList();
                case '<' when text.AsSpan(_at).StartsWith("<number>"):
                    _at += "<number>".Length;
                    return new Node(@"\d+(?:\.\d+)?\s+", new FirstTokens { Number = true }, Nullable: false);
                case '.' when text.AsSpan(_at).StartsWith("..."):
                    _at += 3;
                    return new Node(@"(?:\S+\s+){0," + MaxGap + "}", new FirstTokens { Any = true }, Nullable: true);
                default:
                    return ParseWord();
            }
        }

        private Node ParseList()
        {
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

            var first = new FirstTokens();
            foreach (var entry in entries)
            {
                var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                first.Words.Add(words[0]);
                if (words.Length == 1)
                {
                    first.Words.Add(words[0] + "s");
                    first.Words.Add(words[0] + "es");
                }
            }

            return new Node("(?:" + string.Join('|', entries.Select(Phrase)) + ")", first, Nullable: false);
        }

        private Node ParseWord()
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

            var word = text[start.._at];
            var first = new FirstTokens();
            if (Peek() == '*')
            {
                _at++;
                first.Prefixes.Add(word);
                return new Node(Regex.Escape(word) + @"\S*\s+", first, Nullable: false);
            }

            first.Words.Add(word);
            return new Node(Regex.Escape(word) + @"\s+", first, Nullable: false);
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
