using System.Text;
using FaqBot.Web.Knowledge;

namespace FaqBot.Web.Tests.Knowledge;

/// <summary>Which snippet ids the staff pages may write, where their files are, how they are
/// written, and how a quote is found in its source for highlighting.</summary>
public sealed class SnippetPathsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faqbot-paths-tests", Guid.NewGuid().ToString("N"));

    public SnippetPathsTests()
    {
        KnowledgePath = Path.Combine(_root, "knowledge");
        Directory.CreateDirectory(Path.Combine(KnowledgePath, "snippets"));
        Paths = new SnippetPaths(KnowledgePath);
    }

    private string KnowledgePath { get; }

    private SnippetPaths Paths { get; }

    private string SnippetsFolder => Path.Combine(KnowledgePath, "snippets");

    [Theory]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/etc/passwd")]
    [InlineData("A")]
    [InlineData("Upper-Case")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a--b")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("a b")]
    [InlineData("a.b")]
    [InlineData("a_b")]
    [InlineData("a.draft")]
    [InlineData("café")]
    [InlineData("a\n")]
    [InlineData("a\nb")]
    [InlineData("\na")]
    [InlineData("a\0")]
    public void An_id_that_is_not_lower_case_words_joined_by_single_hyphens_is_refused(string id)
    {
        Assert.False(SnippetPaths.IsValidId(id));
        var error = Assert.Throws<ArgumentException>(() => Paths.File(id, draft: false));
        Assert.Equal("id", error.ParamName);
        Assert.Throws<ArgumentException>(() => Paths.File(id, draft: true));
    }

    [Fact]
    public void A_missing_id_is_refused()
    {
        Assert.False(SnippetPaths.IsValidId(null));
    }

    [Fact]
    public void An_id_is_at_most_80_characters()
    {
        var longest = new string('a', SnippetPaths.MaxIdLength);
        var tooLong = new string('a', SnippetPaths.MaxIdLength + 1);

        Assert.Equal(80, SnippetPaths.MaxIdLength);
        Assert.True(SnippetPaths.IsValidId(longest));
        Assert.False(SnippetPaths.IsValidId(tooLong));
        Assert.Throws<ArgumentException>(() => Paths.File(tooLong, draft: false));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("what-to-wear")]
    [InlineData("a1-2b-c3")]
    [InlineData("getting-home")]
    public void A_valid_id_names_its_served_and_draft_files_inside_the_snippets_folder(string id)
    {
        Assert.True(SnippetPaths.IsValidId(id));

        var served = Paths.File(id, draft: false);
        var draft = Paths.File(id, draft: true);

        Assert.Equal(Path.Combine(SnippetsFolder, id + ".md"), served);
        Assert.Equal(Path.Combine(SnippetsFolder, id + ".draft.md"), draft);
        Assert.Equal(SnippetsFolder, Path.GetDirectoryName(served));
        Assert.Equal(SnippetsFolder, Path.GetDirectoryName(draft));
    }

    [Fact]
    public void The_folder_is_absolute_even_for_a_relative_knowledge_path()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, KnowledgePath);

        var paths = new SnippetPaths(relative);

        Assert.True(Path.IsPathFullyQualified(paths.Folder));
        Assert.Equal(SnippetsFolder, paths.Folder);
        Assert.Equal(Path.Combine(SnippetsFolder, "x.md"), paths.File("x", draft: false));
    }

    [Fact]
    public void Reading_a_missing_file_is_null_and_a_plain_file_its_text()
    {
        var path = Paths.File("x", draft: false);
        Assert.Null(SnippetPaths.Read(path));

        File.WriteAllText(path, "---\nid: x\n");

        Assert.Equal("---\nid: x\n", SnippetPaths.Read(path));
    }

    [Fact]
    public void A_linked_snippet_file_is_neither_read_written_nor_deleted()
    {
        var outside = Path.Combine(_root, "outside.md");
        File.WriteAllText(outside, "outside the folder");
        var link = Paths.File("linked", draft: false);
        File.CreateSymbolicLink(link, outside);

        Assert.Throws<NotAPlainFileException>(() => SnippetPaths.Read(link));
        Assert.Throws<NotAPlainFileException>(() => SnippetPaths.WriteAtomically(link, "overwritten"));
        Assert.Throws<NotAPlainFileException>(() => SnippetPaths.Delete(link));

        Assert.Equal("outside the folder", File.ReadAllText(outside));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal([link], Directory.GetFiles(SnippetsFolder));
    }

    [Fact]
    public void A_dangling_link_or_a_folder_in_place_of_a_snippet_file_is_refused_too()
    {
        var dangling = Paths.File("dangling", draft: true);
        File.CreateSymbolicLink(dangling, Path.Combine(_root, "nowhere.md"));
        var folder = Paths.File("folder", draft: false);
        Directory.CreateDirectory(folder);

        Assert.Throws<NotAPlainFileException>(() => SnippetPaths.Read(dangling));
        Assert.Throws<NotAPlainFileException>(() => SnippetPaths.WriteAtomically(dangling, "written through"));
        Assert.Throws<NotAPlainFileException>(() => SnippetPaths.Read(folder));
        Assert.Throws<NotAPlainFileException>(() => SnippetPaths.WriteAtomically(folder, "over a folder"));

        Assert.False(File.Exists(Path.Combine(_root, "nowhere.md")));
    }

    [Fact]
    public void An_atomic_write_creates_then_replaces_the_file_and_leaves_no_temporary_file()
    {
        var path = Paths.File("x", draft: true);

        SnippetPaths.WriteAtomically(path, "first version\n");
        Assert.Equal("first version\n", File.ReadAllText(path));

        SnippetPaths.WriteAtomically(path, "second: café ☕ 日本語\n");

        Assert.Equal("second: café ☕ 日本語\n", File.ReadAllText(path));
        Assert.Equal(Encoding.UTF8.GetBytes("second: café ☕ 日本語\n"), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(SnippetsFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_atomic_write_that_fails_leaves_no_temporary_file()
    {
        var path = Paths.File("x", draft: false);
        Directory.CreateDirectory(path);

        Assert.ThrowsAny<IOException>(() => SnippetPaths.WriteAtomically(path, "text"));

        Assert.Empty(Directory.GetFiles(SnippetsFolder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Deleting_removes_a_plain_file_and_a_missing_file_is_no_error()
    {
        var path = Paths.File("x", draft: true);
        File.WriteAllText(path, "draft");

        SnippetPaths.Delete(path);
        SnippetPaths.Delete(path);

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_quote_is_cut_out_of_its_source_in_place()
    {
        const string Text = "Before you come, wear loose-fitting clothing. Bring a book.";

        var passage = QuotedPassage.In(Text, "wear loose-fitting clothing");

        Assert.True(passage.Found);
        Assert.Equal("Before you come, ", passage.Before);
        Assert.Equal("wear loose-fitting clothing", passage.Quote);
        Assert.Equal(". Bring a book.", passage.After);
    }

    [Theory]
    [InlineData("Before you come, wear   loose-fitting\nclothing. Bring a book.", "wear loose-fitting clothing", "wear   loose-fitting\nclothing")]
    [InlineData("Before you come, wear loose-fitting clothing. Bring a book.", "  wear\n\tloose-fitting   clothing \n", "wear loose-fitting clothing")]
    [InlineData("Before you come, wear\u00a0loose-fitting\r\n  clothing. Bring a book.", "wear loose-fitting clothing", "wear\u00a0loose-fitting\r\n  clothing")]
    public void A_quote_is_found_across_differences_in_whitespace_and_the_source_text_is_kept(string text, string quote, string highlighted)
    {
        var passage = QuotedPassage.In(text, quote);

        Assert.True(passage.Found);
        Assert.Equal(highlighted, passage.Quote);
        Assert.Equal("Before you come, ", passage.Before);
        Assert.Equal(". Bring a book.", passage.After);
    }

    [Fact]
    public void A_quote_at_the_very_start_or_end_of_an_indented_source_is_found()
    {
        const string Text = "\n\n  Wear loose clothing.\n  Bring a book.\n";

        var start = QuotedPassage.In(Text, "Wear loose clothing.");
        var end = QuotedPassage.In(Text, "clothing. Bring a book.");

        Assert.Equal("\n\n  ", start.Before);
        Assert.Equal("Wear loose clothing.", start.Quote);
        Assert.Equal("\n  Bring a book.\n", start.After);
        Assert.Equal("\n\n  Wear loose ", end.Before);
        Assert.Equal("clothing.\n  Bring a book.", end.Quote);
        Assert.Equal("\n", end.After);
    }

    [Fact]
    public void The_first_occurrence_of_a_repeated_quote_is_highlighted()
    {
        var passage = QuotedPassage.In("Rest. Then rest again.", "rest");

        Assert.Equal("Rest. Then ", passage.Before);
        Assert.Equal("rest", passage.Quote);
        Assert.Equal(" again.", passage.After);
    }

    [Theory]
    [InlineData("wear a ball gown")]
    [InlineData("Wear Loose-Fitting Clothing")]
    [InlineData("wear loose fitting clothing")]
    [InlineData("")]
    [InlineData("   \n ")]
    public void A_quote_that_is_not_in_the_source_is_not_found_and_the_text_is_kept_whole(string quote)
    {
        const string Text = "Before you come, wear loose-fitting clothing.";

        var passage = QuotedPassage.In(Text, quote);

        Assert.False(passage.Found);
        Assert.Equal(Text, passage.Before);
        Assert.Equal("", passage.Quote);
        Assert.Equal("", passage.After);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
