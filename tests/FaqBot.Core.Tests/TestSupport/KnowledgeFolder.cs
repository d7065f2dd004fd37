using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Tests.TestSupport;

/// <summary>A throwaway knowledge folder: the shipped one copied, or the shipped sources, replies
/// and vocabulary with snippets of the test's own.</summary>
internal sealed class KnowledgeFolder : IDisposable
{
    public static readonly ClinicOptions Clinic = new() { Name = "Test Clinic", Phone = "555-0100", Hours = "9am to 5pm" };

    /// <summary>The shipped knowledge folder as it serves on the tests' day, loaded once.</summary>
    public static KnowledgeBase Shipped { get; } =
        KnowledgeLoader.Load(Repo.Knowledge, Clinic, new DateOnly(2026, 12, 1)).Knowledge ?? throw new InvalidOperationException("The shipped knowledge did not load.");

    private KnowledgeFolder(string path) => Path = path;

    public string Path { get; }

    public string SnippetsPath => System.IO.Path.Combine(Path, KnowledgeLoader.SnippetsFolder);

    /// <summary>A full copy of the shipped knowledge folder.</summary>
    public static KnowledgeFolder CopyOfShipped()
    {
        var folder = Empty();
        Copy(Repo.Knowledge, folder.Path);
        return folder;
    }

    /// <summary>The shipped folder without its snippets, plus the given snippet files.</summary>
    public static KnowledgeFolder WithSnippets(params (string Name, string Text)[] snippets)
    {
        var folder = CopyOfShipped();
        foreach (var file in Directory.GetFiles(folder.SnippetsPath))
        {
            File.Delete(file);
        }

        foreach (var (name, text) in snippets)
        {
            folder.Write($"snippets/{name}.md", text);
        }

        return folder;
    }

    public void Write(string relativePath, string text) => File.WriteAllText(System.IO.Path.Combine(Path, relativePath), text);

    public string Read(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    public void Edit(string relativePath, string oldText, string newText)
    {
        var text = Read(relativePath);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        Write(relativePath, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Delete(string relativePath) => File.Delete(System.IO.Path.Combine(Path, relativePath));

    public KnowledgeLoadResult Load(DateOnly? today = null) =>
        KnowledgeLoader.Load(Path, Clinic, today ?? new DateOnly(2026, 12, 1));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static KnowledgeFolder Empty()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "faqbot-tests", Guid.NewGuid().ToString("N"), "knowledge");
        Directory.CreateDirectory(path);
        return new KnowledgeFolder(path);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
        }
    }
}
