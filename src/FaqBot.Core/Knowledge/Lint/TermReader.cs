using FaqBot.Core.Retrieval;
using FaqBot.Core.Text;

namespace FaqBot.Core.Knowledge.Lint;

/// <summary>Reads text into the terms retrieval matches on: Lucene-analysed and stemmed, stop
/// words out, synonyms read as their group's first word, exactly as <see cref="SnippetIndex"/>
/// reads a question. The index is built over the snippets under review, drafts included, so
/// every word they use is known (and never "corrected" into another). Light words ("what",
/// "ketamine", "take") say little about what a text is about and are left out of content terms.</summary>
internal sealed class TermReader
{
    private readonly SnippetIndex _index;
    private readonly HashSet<string> _light;

    public TermReader(IReadOnlyList<Snippet> snippets, RetrievalVocabulary vocabulary)
    {
        _index = new SnippetIndex(snippets, vocabulary);
        _light = Read(string.Join(' ', vocabulary.LightWords));
    }

    /// <summary>Every term of the text, light ones included.</summary>
    public HashSet<string> Read(string text) =>
        _index.ReadQuestion(text).Where(t => t.CorrectedFrom is null).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);

    /// <summary>The terms that say what the text is about: light words out.</summary>
    public HashSet<string> ContentTerms(string text)
    {
        var terms = Read(text);
        terms.ExceptWith(_light);
        return terms;
    }
}
