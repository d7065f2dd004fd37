using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge;

/// <summary>Snippet and source files must be plain files: a symbolic link, which could bring text
/// from anywhere on the machine into what patients read, is refused with an error naming it.</summary>
public sealed class KnowledgeLinkTests
{
    [Fact]
    public void A_snippet_file_that_is_a_link_is_refused_and_the_rest_still_serve()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var before = folder.Load().Knowledge!.Snippets.Count;
        var outside = Outside(folder, "what-to-wear.md");
        File.Copy(Path.Combine(folder.Path, "snippets/what-to-wear.md"), outside);
        folder.Delete("snippets/what-to-wear.md");
        File.CreateSymbolicLink(Path.Combine(folder.SnippetsPath, "what-to-wear.md"), outside);

        var result = folder.Load();

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(Path.Combine("knowledge", "snippets", "what-to-wear.md"), error.File);
        Assert.Contains("symbolic link", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Knowledge!.Snippets, s => s.Id == "what-to-wear");
        Assert.Equal(before - 1, result.Knowledge.Snippets.Count);
    }

    [Fact]
    public void A_source_file_that_is_a_link_is_refused()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var outside = Outside(folder, "benefits-and-risks.txt");
        File.Copy(Path.Combine(folder.Path, "sources/benefits-and-risks.txt"), outside);
        folder.Delete("sources/benefits-and-risks.txt");
        File.CreateSymbolicLink(Path.Combine(folder.Path, "sources/benefits-and-risks.txt"), outside);

        var result = folder.Load();

        Assert.Contains(result.Diagnostics, d => d.IsError
            && d.File == Path.Combine("knowledge", "sources", "benefits-and-risks.txt")
            && d.Message.Contains("symbolic link", StringComparison.Ordinal));
        Assert.DoesNotContain("benefits-and-risks", result.Knowledge!.Sources.Keys);
    }

    /// <summary>A path beside the knowledge folder, inside the test's own temporary folder.</summary>
    private static string Outside(KnowledgeFolder folder, string name) =>
        Path.Combine(Path.GetDirectoryName(folder.Path)!, name);
}
