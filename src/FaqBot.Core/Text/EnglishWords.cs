using System.IO.Compression;

namespace FaqBot.Core.Text;

/// <summary>About 73,000 American English words (SCOWL, see Resources/english-words.NOTICE.txt),
/// read on first use. A word in this list is not a misspelling, so it is never "corrected" into
/// a different word the snippets use ("cover" stays "cover", not "over").</summary>
public static class EnglishWords
{
    private static readonly Lazy<HashSet<string>> Words = new(Load);

    public static bool Contains(string word) => Words.Value.Contains(word);

    /// <summary>Every word that starts with <paramref name="prefix"/> (for "suicid": suicide, suicidal, ...).</summary>
    public static IEnumerable<string> StartingWith(string prefix) =>
        Words.Value.Where(w => w.StartsWith(prefix, StringComparison.Ordinal));

    private static HashSet<string> Load()
    {
        var assembly = typeof(EnglishWords).Assembly;
        using var stream = assembly.GetManifestResourceStream("FaqBot.Core.english-words.txt.gz")
            ?? throw new InvalidOperationException("The english-words resource is missing from FaqBot.Core.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new HashSet<string>(80_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            words.Add(line);
        }

        return words;
    }
}
