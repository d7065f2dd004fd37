using System.Text.RegularExpressions;
using FaqBot.Core.Ai;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Ai;

/// <summary>The answer prompt directory: its version names both files, and rendering keeps the
/// approved text as written.</summary>
public sealed class PromptDirectoryTests : IDisposable
{
    private static readonly Regex VersionPattern = new("^Answer v1 #[0-9a-f]{8}$");

    private readonly string _copy = Path.Combine(Path.GetTempPath(), "faqbot-tests", Guid.NewGuid().ToString("N"), "Answer");

    private static string Shipped => Path.Combine(Repo.Root, "prompts", "Answer");

    [Fact]
    public async Task The_shipped_answer_prompt_has_its_name_and_a_versioned_hash()
    {
        var prompt = await PromptDirectory.LoadAsync(Shipped, CancellationToken.None);

        Assert.Equal("Answer", prompt.Name);
        Assert.Matches(VersionPattern, prompt.Version);
        Assert.StartsWith("Version 1.", prompt.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_twice_gives_the_same_version()
    {
        var first = await PromptDirectory.LoadAsync(Shipped, CancellationToken.None);
        var second = await PromptDirectory.LoadAsync(Shipped + Path.DirectorySeparatorChar, CancellationToken.None);

        Assert.Equal(first.Version, second.Version);
    }

    [Fact]
    public async Task Snippet_text_is_rendered_as_written_not_html_encoded()
    {
        var prompt = await PromptDirectory.LoadAsync(Shipped, CancellationToken.None);
        const string snippets = "[1] Getting home\nYou shouldn't drive; it's \"not\" safe & we'll help <b>you</b>.";

        var rendered = await prompt.RenderAsync(Arguments("Test Clinic", snippets), CancellationToken.None);

        Assert.Contains(snippets, rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("&#39;", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("&quot;", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clinic_name_and_the_not_found_marker_are_rendered()
    {
        var prompt = await PromptDirectory.LoadAsync(Shipped, CancellationToken.None);

        var rendered = await prompt.RenderAsync(Arguments("Test Clinic", "[1] Title\nBody."), CancellationToken.None);

        Assert.StartsWith("You write the answers of the automated FAQ assistant of Test Clinic,", rendered, StringComparison.Ordinal);
        Assert.Contains("reply with exactly INFO NOT FOUND and nothing else", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("$clinicName", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clinic_name_with_an_apostrophe_is_rendered_as_written()
    {
        var prompt = await PromptDirectory.LoadAsync(Shipped, CancellationToken.None);

        var rendered = await prompt.RenderAsync(Arguments("St. Mary's Clinic", "[1] Title\nBody."), CancellationToken.None);

        Assert.Contains("assistant of St. Mary's Clinic,", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_the_template_changes_the_hash_of_the_version()
    {
        CopyShipped();
        var original = await PromptDirectory.LoadAsync(_copy, CancellationToken.None);
        var template = Path.Combine(_copy, "skprompt.txt");
        await File.AppendAllTextAsync(template, "7. Be kind.\n");

        var edited = await PromptDirectory.LoadAsync(_copy, CancellationToken.None);

        Assert.Matches(VersionPattern, edited.Version);
        Assert.NotEqual(original.Version, edited.Version);
        Assert.Equal((await PromptDirectory.LoadAsync(Shipped, CancellationToken.None)).Version, original.Version);
    }

    [Fact]
    public async Task Editing_the_config_changes_the_hash_and_bumping_the_declared_version_shows()
    {
        CopyShipped();
        var original = await PromptDirectory.LoadAsync(_copy, CancellationToken.None);
        var config = Path.Combine(_copy, "config.json");
        await File.WriteAllTextAsync(config, (await File.ReadAllTextAsync(config)).Replace("\"Version 1.", "\"Version 2.", StringComparison.Ordinal));

        var bumped = await PromptDirectory.LoadAsync(_copy, CancellationToken.None);

        Assert.Matches(new Regex("^Answer v2 #[0-9a-f]{8}$"), bumped.Version);
        Assert.NotEqual(original.Version[^8..], bumped.Version[^8..]);
    }

    public void Dispose()
    {
        try
        {
            var parent = Path.GetDirectoryName(_copy)!;
            if (Directory.Exists(parent))
            {
                Directory.Delete(parent, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private void CopyShipped()
    {
        Directory.CreateDirectory(_copy);
        foreach (var file in Directory.GetFiles(Shipped))
        {
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));
        }
    }

    private static Dictionary<string, object?> Arguments(string clinicName, string snippets) => new()
    {
        ["clinicName"] = clinicName,
        ["snippets"] = snippets,
        ["notFound"] = "INFO NOT FOUND",
    };
}
