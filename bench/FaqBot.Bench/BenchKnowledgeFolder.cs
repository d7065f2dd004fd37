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

    public static BenchKnowledgeFolder Prepare(KnowledgeSet set)
    {
        var real = RepositoryPaths.Knowledge;
        if (set == KnowledgeSet.Sample)
        {
            return new BenchKnowledgeFolder(real, Directory.GetFiles(System.IO.Path.Combine(real, "snippets"), "*.md").Length, null);
        }

        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faqbot-bench", Guid.NewGuid().ToString("N"));
        var path = System.IO.Path.Combine(root, "knowledge");
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
