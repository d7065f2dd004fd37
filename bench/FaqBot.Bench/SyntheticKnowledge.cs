using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FaqBot.Core.Knowledge;

namespace FaqBot.Bench;

/// <summary>
/// Writes a complete knowledge folder for benchmarks: the real sources, replies, vocabulary, small
/// talk and snippets, plus generated snippets up to the requested total. Generated titles,
/// questions, bodies and tags are words drawn Zipf-like (by frequency rank) from the source
/// documents' own vocabulary, so term statistics look like the real thing; each generated source
/// quote is a real sentence of a source document. The same seed always writes the same files.
/// </summary>
internal sealed partial class SyntheticKnowledge
{
    public const int DefaultSeed = 20_261_201;

    private const double ZipfExponent = 1.0;

    private static readonly string[] Openers =
    [
        "How", "What", "When", "Why", "Where", "Can I", "Should I", "Do I", "Is it", "Will I", "What if", "How long", "How much", "Is there",
    ];

    private readonly Random _random;
    private readonly string[] _words;
    private readonly double[] _cumulative;
    private readonly string[] _tagWords;
    private readonly (string Document, string Quote)[] _quotes;

    private SyntheticKnowledge(IReadOnlyList<(string Id, string Text)> sources, int seed)
    {
        _random = new Random(seed);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, text) in sources)
        {
            foreach (Match match in WordPattern().Matches(text))
            {
                var word = match.Value.ToLowerInvariant();
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        _words = [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key)];
        _cumulative = new double[_words.Length];
        var total = 0.0;
        for (var rank = 0; rank < _words.Length; rank++)
        {
            total += 1.0 / Math.Pow(rank + 1, ZipfExponent);
            _cumulative[rank] = total;
        }

        _tagWords = [.. _words.Where(w => w.Length >= 4 && w.All(char.IsAsciiLetterLower))];
        _quotes = [.. sources.SelectMany(s => Sentences(s.Text).Select(q => (s.Id, q)))];
        if (_words.Length == 0 || _quotes.Length == 0)
        {
            throw new InvalidOperationException("The source documents have no words or sentences to build snippets from.");
        }
    }

    /// <summary>Writes the folder; returns the number of snippet files in it.</summary>
    public static int Write(string realFolder, string targetFolder, int totalSnippets, int seed = DefaultSeed)
    {
        Directory.CreateDirectory(targetFolder);
        CopyFolder(realFolder, targetFolder);

        var sources = Directory.GetFiles(Path.Combine(realFolder, KnowledgeLoader.SourcesFolder), "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path), BodyOf(File.ReadAllText(path))))
            .ToList();
        var generator = new SyntheticKnowledge(sources, seed);
        var snippets = Path.Combine(targetFolder, KnowledgeLoader.SnippetsFolder);
        var real = Directory.GetFiles(snippets, "*.md").Length;
        for (var i = 1; i <= totalSnippets - real; i++)
        {
            var id = $"generated-{i.ToString("D4", CultureInfo.InvariantCulture)}";
            File.WriteAllText(Path.Combine(snippets, id + ".md"), generator.Snippet(id));
        }

        return Directory.GetFiles(snippets, "*.md").Length;
    }

    private string Snippet(string id)
    {
        var (document, quote) = _quotes[_random.Next(_quotes.Length)];
        var text = new StringBuilder();
        text.Append("---\n");
        text.Append("id: ").Append(id).Append('\n');
        text.Append("title: ").Append(Quoted(Capitalised(Words(2, 5)))).Append('\n');
        text.Append("questions:\n");
        var questions = _random.Next(6, 9);
        for (var q = 0; q < questions; q++)
        {
            text.Append("  - ").Append(Quoted($"{Openers[_random.Next(Openers.Length)]} {Words(2, 7)}?")).Append('\n');
        }

        text.Append("tags: [").Append(string.Join(", ", Tags())).Append("]\n");
        text.Append("source:\n");
        text.Append("  document: ").Append(document).Append('\n');
        text.Append("  section: \"Generated for benchmarks\"\n");
        text.Append("  quote: ").Append(Quoted(quote)).Append('\n');
        text.Append("status: approved\n");
        text.Append("approvedBy: \"Benchmark generator (synthetic data)\"\n");
        text.Append("approvedOn: 2026-01-01\n");
        text.Append("reviewBy: 2099-12-31\n");
        text.Append("version: 1\n");
        text.Append("---\n");
        var sentences = _random.Next(2, 5);
        for (var s = 0; s < sentences; s++)
        {
            text.Append(s == 0 ? "" : " ").Append(Capitalised(Words(8, 18))).Append('.');
        }

        return text.Append('\n').ToString();
    }

    private string Words(int min, int max) =>
        string.Join(' ', Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => Word()));

    private string Word()
    {
        var at = Array.BinarySearch(_cumulative, _random.NextDouble() * _cumulative[^1]);
        return _words[Math.Min(at < 0 ? ~at : at, _words.Length - 1)];
    }

    private List<string> Tags()
    {
        var tags = new List<string>();
        var wanted = _random.Next(2, 4);
        while (tags.Count < wanted)
        {
            var word = Word();
            var tag = word.Length >= 4 && word.All(char.IsAsciiLetterLower) ? word : _tagWords[_random.Next(_tagWords.Length)];
            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Quoted(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Whole sentences of the document (whitespace collapsed), short enough to quote.</summary>
    private static IEnumerable<string> Sentences(string text) =>
        text.Split('\n')
            .SelectMany(line => SentenceBreak().Split(line))
            .Select(sentence => Spaces().Replace(sentence, " ").Trim())
            .Where(sentence => sentence.Length is >= 30 and <= 200 && sentence[^1] is '.' or '!' or '?');

    /// <summary>The document text after its <c>---</c> header, as the loader reads it.</summary>
    private static string BodyOf(string file)
    {
        var lines = file.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r') == "---")
            {
                return string.Join('\n', lines.Skip(i + 1));
            }
        }

        throw new InvalidOperationException("A source document has no closing '---' after its header.");
    }

    /// <summary>The whole real folder (sources, snippets, replies, vocabulary, safety rules), recursively.</summary>
    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    [GeneratedRegex(@"\p{L}+(?:['\u2019]\p{L}+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
