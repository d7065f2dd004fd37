using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace FaqBot.Core.Text;

/// <summary>One analysed word: its index term and where it sits in the original text.</summary>
public readonly record struct AnalyzedToken(string Term, int Start, int End);

/// <summary>
/// Lucene's English analysis chain: Unicode word breaking (UAX #29), possessives, lower case,
/// ASCII folding, the knowledge base's stop words, then the Porter stemmer. Thread-safe: Lucene
/// reuses one token stream per thread.
/// </summary>
public sealed class FaqAnalyzer : Analyzer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly System.Buffers.SearchValues<char> CurlyQuotes = System.Buffers.SearchValues.Create("\u2018\u2019\u201C\u201D");

    private readonly CharArraySet _stopWords;

    public FaqAnalyzer(IEnumerable<string> stopWords) =>
        _stopWords = new CharArraySet(Version, stopWords.Select(Fold), ignoreCase: true);

    public List<AnalyzedToken> Analyze(string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = GetTokenStream("text", StraightenQuotes(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }

    /// <summary>The single index term of a word, or null when the word is a stop word.</summary>
    public string? TermOf(string word)
    {
        var tokens = Analyze(word);
        return tokens.Count == 1 ? tokens[0].Term : null;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, _stopWords);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    private static string Fold(string word) => StraightenQuotes(word.Trim()).ToLowerInvariant();

    /// <summary>Typographic quotes become straight ones, one character for one, so token offsets
    /// still point into the original text ("can’t" is read as "can't").</summary>
    private static string StraightenQuotes(string text)
    {
        if (text.AsSpan().IndexOfAny(CurlyQuotes) < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '\u2018' or '\u2019' => '\'',
                    '\u201C' or '\u201D' => '"',
                    var c => c,
                };
            }
        });
    }
}
