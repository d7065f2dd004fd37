using System.IO.Compression;

namespace FaqBot.Core.Text;

/// <summary>About 73,000 American English words (SCOWL, see Resources/english-words.NOTICE.txt),
/// read on first use. A word in this list is not a misspelling, so it is never "corrected" into
/// a different word the snippets use ("cover" stays "cover", not "over").</summary>
public static class EnglishWords
{
    private static readonly Lazy<(HashSet<string> Set, string[] Sorted)> Words = new(Load);

    public static bool Contains(string word) => Words.Value.Set.Contains(word);

    /// <summary>Every word that starts with <paramref name="prefix"/> (for "suicid": suicide, suicidal, ...),
    /// found by binary search in the ordinally sorted list.</summary>
    public static IEnumerable<string> StartingWith(string prefix)
    {
        var sorted = Words.Value.Sorted;
        var at = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
        for (var i = at < 0 ? ~at : at; i < sorted.Length && sorted[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return sorted[i];
        }
    }

    private static (HashSet<string>, string[]) Load()
    {
        var assembly = typeof(EnglishWords).Assembly;
        using var stream = assembly.GetManifestResourceStream("FaqBot.Core.english-words.txt.gz")
            ?? throw new InvalidOperationException("The english-words resource is missing from FaqBot.Core.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new List<string>(80_000);
        while (reader.ReadLine() is { } line)
        {
            words.Add(line);
        }

        var sorted = words.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return (new HashSet<string>(sorted, StringComparer.Ordinal), sorted);
    }
}
