namespace FaqBot.Bench;

/// <summary>A knowledge folder ready to load: the repository's own, or a generated one in a temp
/// directory that is deleted on dispose.</summary>
internal sealed class BenchKnowledgeFolder : IDisposable
{
    public const int GeneratedSnippets = 1_000;

    private readonly string? _temporaryRoot;

    private BenchKnowledgeFolder(string path, int snippetFiles, string? temporaryRoot)
    {
        Path = path;
        SnippetFiles = snippetFiles;
        _temporaryRoot = temporaryRoot;
    }

    public string Path { get; }

    /// <summary>How many snippet files the folder holds, so a load can be checked against it.</summary>
    public int SnippetFiles { get; }

    /// <summary>The folder of <paramref name="set"/>; with <paramref name="writable"/>, the sample
    /// folder is copied to a temp directory first, so a benchmark that edits it never touches the
    /// repository's own files.</summary>
    public static BenchKnowledgeFolder Prepare(KnowledgeSet set, bool writable = false)
    {
        var real = RepositoryPaths.Knowledge;
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faqbot-bench", Guid.NewGuid().ToString("N"));
        var path = System.IO.Path.Combine(root, "knowledge");
        if (set == KnowledgeSet.Sample && writable)
        {
            foreach (var file in Directory.GetFiles(real, "*", SearchOption.AllDirectories))
            {
                var target = System.IO.Path.Combine(path, System.IO.Path.GetRelativePath(real, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            return new BenchKnowledgeFolder(path, Directory.GetFiles(System.IO.Path.Combine(path, "snippets"), "*.md").Length, root);
        }

        if (set == KnowledgeSet.Sample)
        {
            return new BenchKnowledgeFolder(real, Directory.GetFiles(System.IO.Path.Combine(real, "snippets"), "*.md").Length, null);
        }

        var written = SyntheticKnowledge.Write(real, path, GeneratedSnippets);
        return new BenchKnowledgeFolder(path, written, root);
    }

    public void Dispose()
    {
        if (_temporaryRoot is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_temporaryRoot, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
