using FaqBot.Core.Knowledge.Import;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Import;

/// <summary>The file an import writes: the header the loader checks, titles that read back
/// exactly, ids from titles, and the file name kept without its folders.</summary>
public sealed class SourceFileTests
{
    [Fact]
    public async Task The_header_has_every_field_of_the_hand_placed_sources_and_the_text_follows_it()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var importer = Importing.Importer(folder);

        var source = await importer.ImportFileAsync("leaflet.txt", Documents.Utf8("Line one.\nLine two."),
            new SourceDetails("Balanced Ketamine", "Our leaflet", Url: "https://example.org/leaflet"));

        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("Line one.\nLine two."u8));
        Assert.Equal(Path.Combine(folder.Path, "sources", "our-leaflet.txt"), source.Path);
        Assert.Equal(sha256, source.Sha256);
        Assert.Equal(
            "---\nid: our-leaflet\ntitle: \"Our leaflet\"\npublisher: \"Balanced Ketamine\"\nurl: \"https://example.org/leaflet\"\nreceived: 2026-12-01\n"
            + $"originalFile: \"leaflet.txt\"\nsha256: {sha256}\n---\nLine one.\nLine two.",
            File.ReadAllText(source.Path));
        var loaded = Importing.Loaded(folder, "our-leaflet");
        Assert.Equal(("Our leaflet", "Balanced Ketamine", "https://example.org/leaflet", new DateOnly(2026, 12, 1)), (loaded.Title, loaded.Publisher, loaded.Url, loaded.Received));
    }

    [Fact]
    public async Task Received_is_today_on_the_injected_clock()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var clock = Importing.Clock();
        clock.Advance(TimeSpan.FromDays(40));
        var importer = new SourceImporter(folder.Path, new SourceImportOptions(), clock);

        var source = await importer.ImportTextAsync("Later text.", new SourceDetails(Importing.Publisher));

        Assert.Equal(new DateOnly(2027, 1, 10), Importing.Loaded(folder, source.Id).Received);
    }

    [Theory]
    [InlineData("He said \"yes\": #1 of 2 \\ done")]
    [InlineData("Café, naïve & jalapeño — “quoted” ‘too’")]
    [InlineData("Ketamin: Häufige Fragen #2")]
    [InlineData("ケタミン療法について")]
    [InlineData("- a dash, then [brackets], {braces}, *stars*, &anchor, !tag, %percent, @at, `tick`")]
    [InlineData("null")]
    [InlineData("yes")]
    [InlineData("2026-12-01")]
    [InlineData("'single quotes'")]
    [InlineData("emoji 🙂 and tab\tinside")]
    public async Task Any_title_reads_back_through_the_front_matter_parser(string title)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var source = await Importing.Importer(folder).ImportTextAsync("Some text for " + title, new SourceDetails(Importing.Publisher, title, Url: null));

        var expected = title.Replace('\t', ' ');
        Assert.Equal(expected, source.Title);
        Assert.Equal(expected, Importing.Loaded(folder, source.Id).Title);
    }

    [Fact]
    public async Task A_publisher_with_yaml_characters_reads_back()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var source = await Importing.Importer(folder).ImportTextAsync("Text.", new SourceDetails("Smith & \"Sons\": clinic #1"));

        Assert.Equal("Smith & \"Sons\": clinic #1", Importing.Loaded(folder, source.Id).Publisher);
    }

    [Theory]
    [InlineData(@"C:\Users\reception\Documents\Aftercare Leaflet.txt", "Aftercare Leaflet.txt", "aftercare-leaflet")]
    [InlineData("/home/staff/uploads/2026/aftercare_v2.md", "aftercare_v2.md", "aftercare-v2")]
    [InlineData("../../etc/passwd.txt", "passwd.txt", "passwd")]
    public async Task The_original_file_name_is_kept_without_its_folders(string uploaded, string kept, string id)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var source = await Importing.FileAsync(folder, uploaded, Documents.Utf8("Text of " + kept));

        Assert.Equal(id, source.Id);
        Assert.Contains($"\noriginalFile: \"{kept}\"\n", File.ReadAllText(source.Path), StringComparison.Ordinal);
        Assert.Equal(Path.Combine(folder.Path, "sources"), Path.GetDirectoryName(source.Path));
    }

    [Fact]
    public async Task A_title_already_used_as_an_id_gets_the_next_free_number()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var first = await Importing.FileAsync(folder, "a.txt", Documents.Utf8("First."), title: "Benefits and risks");
        var second = await Importing.FileAsync(folder, "b.txt", Documents.Utf8("Second."), title: "Benefits and risks");
        var third = await Importing.FileAsync(folder, "c.txt", Documents.Utf8("Third."), title: "Benefits and risks");

        Assert.Equal(["benefits-and-risks-2", "benefits-and-risks-3", "benefits-and-risks-4"], new[] { first.Id, second.Id, third.Id });
        Assert.All([first, second, third], s => Importing.Loaded(folder, s.Id));
    }

    [Fact]
    public async Task An_id_given_is_used_as_it_is()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var source = await Importing.FileAsync(folder, "a.txt", Documents.Utf8("Text."), title: "Whatever", id: "aftercare-2026");

        Assert.Equal("aftercare-2026", source.Id);
        Assert.Equal("Whatever", Importing.Loaded(folder, "aftercare-2026").Title);
    }

    [Fact]
    public async Task A_knowledge_folder_that_does_not_exist_is_not_created()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "no-such-knowledge");
        var importer = new SourceImporter(missing, new SourceImportOptions(), Importing.Clock());

        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => importer.ImportTextAsync("Text.", new SourceDetails(Importing.Publisher)));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Theory]
    [InlineData("Your First Ketamine Infusion: What to Expect!", "your-first-ketamine-infusion-what-to-expect")]
    [InlineData("Don't drive — café à côté", "dont-drive-cafe-a-cote")]
    [InlineData("ﬁrst ﬂoor", "first-floor")]
    [InlineData("ケタミン", "source")]
    [InlineData("Q", "source-q")]
    [InlineData("  --Hello--  ", "hello")]
    [InlineData("A very long title that goes on and on about everything a patient might want to know before the first visit",
        "a-very-long-title-that-goes-on-and-on-about-everything-a-patient")]
    public void Titles_become_ids_of_lower_case_ascii_words(string title, string slug)
    {
        var id = SourceIds.Slug(title);

        Assert.Equal(slug, id);
        Assert.True(SourceIds.IsValid(id), id);
    }

    [Fact]
    public void A_numbered_id_still_fits_in_64_characters()
    {
        var slug = SourceIds.Slug(new string('a', 70));

        var id = SourceIds.FirstFree(slug, candidate => candidate == slug);

        Assert.Equal(new string('a', 62) + "-2", id);
        Assert.True(SourceIds.IsValid(id));
    }
}
