using System.Text;
using FaqBot.Core.Answering;
using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Generation;

/// <summary>
/// The text a patient reads for a verified generated answer: the verified sentences, each with
/// markers numbered as the reply's citation list, which holds the cited snippets in order of first
/// citation, each with all its source documents. A sentence's marker points at its snippet's own
/// source; the other sources are listed with it.
/// </summary>
public static class GeneratedText
{
    public static (string Text, IReadOnlyList<Citation> Citations) Compose(
        KnowledgeBase knowledge, IReadOnlyList<Snippet> given, IReadOnlyList<GeneratedSentence> sentences)
    {
        var citations = new List<Citation>();
        var markerOf = new Dictionary<int, int>();
        foreach (var number in sentences.SelectMany(s => s.Cites).Distinct())
        {
            markerOf[number] = citations.Count + 1;
            citations.AddRange(Citation.Of(given[number - 1], knowledge));
        }

        var text = new StringBuilder();
        foreach (var sentence in sentences)
        {
            var markers = string.Concat(sentence.Cites.Select(n => $" [{markerOf[n]}]"));
            var words = sentence.Text;
            var stopped = words[^1] is '.' or '!' or '?';
            var body = stopped ? words[..^1] : words;
            text.Append(text.Length == 0 ? "" : " ").Append(body.TrimEnd()).Append(markers).Append(stopped ? words[^1] : '.');
        }

        return (text.ToString(), citations);
    }
}
