using FaqBot.Core.Knowledge;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge;

public sealed class KnowledgeLoaderTests
{
    private const string Snippet = "snippets/what-to-wear.md";

    [Fact]
    public void Shipped_knowledge_loads_without_errors_or_warnings()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var result = folder.Load();

        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Knowledge);
        Assert.Equal(Directory.GetFiles(folder.SnippetsPath, "*.md").Length, result.Knowledge.Snippets.Count);
        Assert.Equal(5, result.Knowledge.Sources.Count);
    }

    [Fact]
    public void Bad_yaml_is_rejected_naming_the_file_and_the_front_matter()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit(Snippet, "title: \"What to wear\"", "title: \"What to wear");

        var error = SingleError(folder.Load());

        Assert.Equal("knowledge/snippets/what-to-wear.md", error.File);
        Assert.Equal("front matter", error.Field);
        Assert.Contains("bad YAML", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reviewBy: 2027-11-23\n", "reviewBy")]
    [InlineData("version: 1\n", "version")]
    [InlineData("status: approved\n", "status")]
    public void A_missing_field_is_rejected_naming_it(string line, string field)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit(Snippet, line, "");

        var error = SingleError(folder.Load());

        Assert.Equal("knowledge/snippets/what-to-wear.md", error.File);
        Assert.Equal(field, error.Field);
        Assert.Equal("is missing", error.Message);
    }

    [Fact]
    public void An_approved_snippet_needs_an_approver()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var text = folder.Read(Snippet);
        var approver = text.Split('\n').Single(l => l.StartsWith("approvedBy:", StringComparison.Ordinal));
        folder.Edit(Snippet, approver + "\n", "");

        var error = SingleError(folder.Load());

        Assert.Equal("approvedBy", error.Field);
    }

    [Fact]
    public void An_unknown_source_is_rejected()
    {
        using var folder = KnowledgeFolder.WithSnippets(("wear", SnippetText.Of("wear", "Wear", ["What should I wear?"], "Loose clothes.", document: "no-such-document")));

        var result = folder.Load();

        var error = SingleError(result);
        Assert.Equal("knowledge/snippets/wear.md", error.File);
        Assert.Equal("source.document", error.Field);
        Assert.Contains("unknown source 'no-such-document'", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Knowledge!.Snippets);
    }

    [Fact]
    public void A_quote_that_is_not_in_the_source_is_rejected()
    {
        using var folder = KnowledgeFolder.WithSnippets(("wear", SnippetText.Of("wear", "Wear", ["What should I wear?"], "Loose clothes.", quote: "wear a ball gown")));

        var error = SingleError(folder.Load());

        Assert.Equal("source.quote", error.Field);
        Assert.Contains("does not occur verbatim in source 'benefits-and-risks'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_matches_across_differences_in_whitespace_only()
    {
        using var spaced = KnowledgeFolder.WithSnippets(("wear", SnippetText.Of("wear", "Wear", ["What should I wear?"], "Loose clothes.", quote: "wear   loose-fitting\\n clothing")));
        using var changed = KnowledgeFolder.WithSnippets(("wear", SnippetText.Of("wear", "Wear", ["What should I wear?"], "Loose clothes.", quote: "wear loose fitting clothing")));

        Assert.Empty(spaced.Load().Diagnostics);
        Assert.Equal("source.quote", SingleError(changed.Load()).Field);
    }

    [Fact]
    public void A_quote_in_seeAlso_is_checked_too()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("snippets/getting-home.md", "avoid driving or operating heavy machinery that day", "avoid driving for a week");

        var error = SingleError(folder.Load());

        Assert.Equal("knowledge/snippets/getting-home.md", error.File);
        Assert.Equal("seeAlso[1].quote", error.Field);
    }

    [Theory]
    [InlineData("reviewBy: 2027-11-23", "reviewBy: next year", "reviewBy", "not a date")]
    [InlineData("version: 1", "version: one", "version", "not a positive whole number")]
    [InlineData("status: approved", "status: published", "status", "not one of draft, approved, retired")]
    [InlineData("id: what-to-wear", "id: clothing", "id", "does not match the file name")]
    [InlineData("tags:", "tagz:", "tags", "is missing")]
    public void Malformed_values_are_rejected_naming_the_field(string oldText, string newText, string field, string message)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit(Snippet, oldText, newText);

        var errors = folder.Load().Diagnostics.Where(d => d.IsError).ToList();

        Assert.Contains(errors, e => e.File == "knowledge/snippets/what-to-wear.md" && e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_field_name_is_reported_as_unknown()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit(Snippet, "tags:", "tags: [x]\ntagz:");

        var error = SingleError(folder.Load());

        Assert.Equal("tagz", error.Field);
        Assert.Contains("unknown field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_snippet_is_left_out_and_the_rest_still_serve()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var before = folder.Load().Knowledge!.Snippets.Count;
        folder.Edit(Snippet, "version: 1", "version: -4");

        var result = folder.Load();

        Assert.True(result.HasErrors);
        Assert.Equal(before - 1, result.Knowledge!.Snippets.Count);
        Assert.DoesNotContain(result.Knowledge.Snippets, s => s.Id == "what-to-wear");
    }

    [Fact]
    public void Duplicate_snippet_ids_are_rejected()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Write("snippets/what-to-wear-copy.md", folder.Read(Snippet));

        var errors = folder.Load().Diagnostics.Where(d => d.IsError).ToList();

        Assert.Contains(errors, e => e.File == "knowledge/snippets/what-to-wear-copy.md" && e.Field == "id");
    }

    [Fact]
    public void A_missing_fixed_reply_means_the_folder_cannot_be_served()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Delete("replies/no-answer.md");

        var result = folder.Load();

        Assert.Null(result.Knowledge);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.File == "knowledge/replies" && d.Field == "no-answer");
    }

    [Fact]
    public void A_reply_with_an_unknown_placeholder_is_rejected()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("replies/goodbye.md", "{{clinic.phone}}", "{{clinic.fax}}");

        var result = folder.Load();

        Assert.Null(result.Knowledge);
        Assert.Contains(result.Diagnostics, d => d.File == "knowledge/replies/goodbye.md" && d.Field == "body" && d.Message.Contains("clinic.fax", StringComparison.Ordinal));
    }

    [Fact]
    public void Clinic_details_are_filled_into_replies()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var replies = folder.Load().Knowledge!.Replies;

        Assert.Contains("555-0100", replies["no-answer"].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", replies["no-answer"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_synonym_listed_twice_is_rejected()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("retrieval.yaml", "  - [private, privacy]", "  - [private, privacy, drip]");

        var result = folder.Load();

        Assert.Null(result.Knowledge);
        Assert.Contains(result.Diagnostics, d => d.File == "knowledge/retrieval.yaml" && d.Field.StartsWith("synonyms[", StringComparison.Ordinal) && d.Message.Contains("'drip'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("  - [private, privacy]", "  - [private, privacy, the]", "stop word")]
    [InlineData("  - [private, privacy]", "  - [private, privacy, ketamine]", "light word")]
    public void A_synonym_that_is_also_a_stop_or_light_word_is_rejected(string oldText, string newText, string message)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("retrieval.yaml", oldText, newText);

        var result = folder.Load();

        Assert.Contains(result.Diagnostics, d => d.IsError && d.File == "knowledge/retrieval.yaml" && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("retrieval.yaml", "stopwords: [[")]
    [InlineData("retrieval.yaml", "stopwords: [a, b\nlightwords: [c]\nsynonyms: []\n")]
    [InlineData("retrieval.yaml", "stopwords: {{")]
    [InlineData("smalltalk.yaml", "fillers: [oh, ok\nintents: []\n")]
    public void A_malformed_vocabulary_file_is_an_error_not_an_exception(string file, string yaml)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Write(file, yaml);

        var result = folder.Load();

        Assert.Null(result.Knowledge);
        var error = SingleError(result);
        Assert.Equal("knowledge/" + file, error.File);
        Assert.Equal("front matter", error.Field);
        Assert.StartsWith("bad YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snippet_with_an_unclosed_list_is_left_out_with_an_error_not_an_exception()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit(Snippet, "tags: [before-infusion, clothing]", "tags: [before-infusion, clothing");

        var result = folder.Load();

        var error = SingleError(result);
        Assert.Equal("knowledge/snippets/what-to-wear.md", error.File);
        Assert.StartsWith("bad YAML", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Knowledge!.Snippets, s => s.Id == "what-to-wear");
    }

    [Fact]
    public void A_missing_folder_is_an_error_not_an_exception()
    {
        var result = KnowledgeLoader.Load(Path.Combine(Path.GetTempPath(), "faqbot-no-such-folder"), KnowledgeFolder.Clinic, new DateOnly(2026, 1, 1));

        Assert.Null(result.Knowledge);
        Assert.Contains("does not exist", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_sources_are_pinned_to_the_text_as_received()
    {
        var headers = Directory.GetFiles(Path.Combine(Repo.Knowledge, "sources"), "*.txt").Select(File.ReadAllText).ToList();

        Assert.Equal(5, headers.Count);
        Assert.All(headers, text => Assert.Matches(@"\nsha256: [0-9a-f]{64}\n", text));
    }

    [Fact]
    public void An_edited_source_document_is_rejected()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("sources/benefits-and-risks.txt", "a small risk of developing more serious", "a small risk of developing more serious side effects.");

        var result = folder.Load();

        Assert.Contains(result.Diagnostics, d => d.IsError && d.File == "knowledge/sources/benefits-and-risks.txt" && d.Field == "sha256");
        Assert.False(result.Knowledge!.Sources.ContainsKey("benefits-and-risks"));
    }

    private static KnowledgeDiagnostic SingleError(KnowledgeLoadResult result) => Assert.Single(result.Diagnostics, d => d.IsError);
}
