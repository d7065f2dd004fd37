namespace FaqBot.Cli.Tests.Support;

/// <summary>A throwaway copy of the repository's knowledge folder, deleted on dispose.</summary>
internal sealed class TempKnowledge : IDisposable
{
    private readonly string _parent;

    public TempKnowledge()
    {
        _parent = Path.Combine(Path.GetTempPath(), "faqbot-cli-tests-" + Guid.NewGuid().ToString("N"));
        Folder = Path.Combine(_parent, "knowledge");
        Copy(new DirectoryInfo(RepoPaths.Knowledge), Folder);
    }

    /// <summary>The copied knowledge folder.</summary>
    public string Folder { get; }

    /// <summary>A folder beside the knowledge copy for other scratch files.</summary>
    public string Scratch => _parent;

    public string SnippetPath(string name) => Path.Combine(Folder, "snippets", name + ".md");

    public void Edit(string snippet, Func<string, string> change)
    {
        var path = SnippetPath(snippet);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_parent, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Copy(DirectoryInfo from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in from.GetFiles())
        {
            file.CopyTo(Path.Combine(to, file.Name));
        }

        foreach (var dir in from.GetDirectories())
        {
            Copy(dir, Path.Combine(to, dir.Name));
        }
    }
}
