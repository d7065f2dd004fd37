using System.Text;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Text;

namespace FaqBot.Core.SmallTalk;

/// <summary>Recognises whole-message small talk from <c>knowledge/smalltalk.yaml</c>. A message is
/// small talk only when nothing in it is a question for the knowledge base.</summary>
public sealed class SmallTalkDetector(IReadOnlyList<SmallTalkIntent> intents, IReadOnlySet<string> sharedFillers)
{
    public IReadOnlyList<SmallTalkIntent> Intents => intents;

    public SmallTalkIntent? Detect(string message)
    {
        var words = Words(message);
        if (words.Count == 0 || words.Count > 12)
        {
            return null;
        }

        foreach (var intent in intents)
        {
            var hasKeyword = false;
            var allKnown = true;
            foreach (var written in words)
            {
                var word = Known(intent, written) ? written : LetterRuns.Limit(written, 1, 1);
                if (intent.Keywords.Contains(word))
                {
                    hasKeyword = true;
                }
                else if (!intent.Fillers.Contains(word) && !sharedFillers.Contains(word))
                {
                    allKnown = false;
                    break;
                }
            }

            if (allKnown && hasKeyword)
            {
                return intent;
            }
        }

        return null;
    }

    private bool Known(SmallTalkIntent intent, string word) =>
        intent.Keywords.Contains(word) || intent.Fillers.Contains(word) || sharedFillers.Contains(word);

    /// <summary>Lower-case words with punctuation and emoji dropped and stretched letters
    /// shortened ("hiiii" reads as "hi", "byee" as "bye").</summary>
    internal static List<string> Words(string message)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var raw in UnicodeText.NormalizeKC(message))
        {
            var c = raw == '\u2019' ? '\'' : char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c) || c == '\'' && word.Length > 0)
            {
                word.Append(c);
                continue;
            }

            Flush(word, words);
        }

        Flush(word, words);
        return words;
    }

    private static void Flush(StringBuilder word, List<string> words)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString().TrimEnd('\'');
        if (text.Length > 0)
        {
            words.Add(LetterRuns.Limit(text, 2, 1));
        }

        word.Clear();
    }

    internal static SmallTalkDetector? Load(string path, string displayPath, List<KnowledgeDiagnostic> sink)
    {
        var diagnostics = new FileDiagnostics(displayPath, sink);
        var mapping = FrontMatter.ReadYamlFile(path, diagnostics);
        if (mapping is null)
        {
            return null;
        }

        var fields = new YamlFields(mapping, diagnostics);
        var shared = Set(fields.StringList("fillers", required: true));
        var intents = new List<SmallTalkIntent>();
        foreach (var intent in fields.MappingList("intents", required: true) ?? [])
        {
            var id = intent.RequiredString("id");
            var reply = intent.RequiredString("reply");
            var keywords = intent.StringList("keywords", required: true);
            var fillers = intent.StringList("fillers", required: false);
            var examples = intent.StringList("examples", required: false);
            intent.ReportUnknownFields();
            if (id is not null && reply is not null && keywords is { Count: > 0 })
            {
                intents.Add(new SmallTalkIntent(id, reply, Set(keywords), Set(fillers)) { Examples = [.. (examples ?? []).Select(e => e.Trim()).Where(e => e.Length > 0)] });
            }
        }

        fields.ReportUnknownFields();
        return diagnostics.HasErrors ? null : new SmallTalkDetector(intents, shared);
    }

    private static HashSet<string> Set(IReadOnlyList<string>? words) =>
        new((words ?? []).Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);
}
