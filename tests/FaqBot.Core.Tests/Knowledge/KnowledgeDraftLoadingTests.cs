using FaqBot.Core.Knowledge;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge;

/// <summary>Pending drafts (<c>snippets/{id}.draft.md</c>) beside the served files: loaded for
/// staff, never served, and dropped when they are not newer than what they would replace.</summary>
public sealed class KnowledgeDraftLoadingTests
{
    private const string ServedBody = "Loose clothes.";
    private const string DraftBody = "Loose, comfortable clothes and warm socks.";

    [Fact]
    public void A_draft_beside_its_snippet_is_a_draft_and_not_served()
    {
        using var folder = KnowledgeFolder.WithSnippets(Served(), Draft(version: 4));

        var result = folder.Load();

        Assert.Empty(result.Diagnostics);
        var knowledge = result.Knowledge!;
        var served = Assert.Single(knowledge.Snippets);
        Assert.Equal(ServedBody, served.Body);
        Assert.Equal(3, served.Version);
        Assert.False(served.IsDraftFile);
        var draft = Assert.Single(knowledge.Drafts);
        Assert.Equal("wear", draft.Id);
        Assert.Equal(DraftBody, draft.Body);
        Assert.Equal(4, draft.Version);
        Assert.Equal(SnippetStatus.Draft, draft.Status);
        Assert.True(draft.IsDraftFile);
        Assert.Equal("knowledge/snippets/wear.draft.md", draft.File);
        Assert.Equal(1, knowledge.Index.SnippetCount);
    }

    [Fact]
    public void A_draft_of_a_new_snippet_is_loaded_with_nothing_served()
    {
        using var folder = KnowledgeFolder.WithSnippets(Draft(version: 1));

        var knowledge = folder.Load().Knowledge!;

        Assert.Empty(knowledge.Snippets);
        Assert.Equal(DraftBody, Assert.Single(knowledge.Drafts).Body);
        Assert.Equal(0, knowledge.Index.SnippetCount);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(2)]
    public void A_draft_that_is_not_newer_than_its_snippet_is_ignored_with_a_warning(int version)
    {
        using var folder = KnowledgeFolder.WithSnippets(Served(), Draft(version));

        var result = folder.Load();

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("knowledge/snippets/wear.draft.md", warning.File);
        Assert.Equal("version", warning.Field);
        Assert.Contains($"draft version {version} is not newer than knowledge/snippets/wear.md (version 3)", warning.Message, StringComparison.Ordinal);
        Assert.Empty(result.Knowledge!.Drafts);
        Assert.Equal(ServedBody, Assert.Single(result.Knowledge.Snippets).Body);
        Assert.Equal(ServedBody, result.Knowledge.WorkingCopy("wear")!.Body);
    }

    [Theory]
    [InlineData("approved")]
    [InlineData("retired")]
    public void A_draft_file_whose_status_is_not_draft_is_an_error(string status)
    {
        using var folder = KnowledgeFolder.WithSnippets(Served(), ("wear.draft", SnippetText.Of("wear", "Wear", ["What should I wear?"], DraftBody, status: status, version: 4)));

        var result = folder.Load();

        var error = Assert.Single(result.Diagnostics);
        Assert.True(error.IsError);
        Assert.Equal("knowledge/snippets/wear.draft.md", error.File);
        Assert.Equal("status", error.Field);
        Assert.Contains($"its status must be draft, not {status}", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Knowledge!.Drafts);
        Assert.Equal(ServedBody, Assert.Single(result.Knowledge.Snippets).Body);
    }

    [Fact]
    public void A_draft_named_for_another_id_is_an_error()
    {
        using var folder = KnowledgeFolder.WithSnippets(Served(), ("clothes.draft", SnippetText.Of("wear", "Wear", ["What should I wear?"], DraftBody, status: "draft", version: 4)));

        var result = folder.Load();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("knowledge/snippets/clothes.draft.md", error.File);
        Assert.Equal("id", error.Field);
        Assert.Empty(result.Knowledge!.Drafts);
    }

    [Fact]
    public void The_working_copy_is_the_draft_when_there_is_one_else_the_served_snippet()
    {
        using var folder = KnowledgeFolder.WithSnippets(
            Served(),
            Draft(version: 4),
            ("bring", SnippetText.Of("bring", "Bring", ["What should I bring?"], "Bring a book.")));

        var knowledge = folder.Load().Knowledge!;

        var wear = knowledge.WorkingCopy("wear")!;
        Assert.True(wear.IsDraftFile);
        Assert.Equal(DraftBody, wear.Body);
        var bring = knowledge.WorkingCopy("bring")!;
        Assert.False(bring.IsDraftFile);
        Assert.Equal("Bring a book.", bring.Body);
        Assert.Null(knowledge.WorkingCopy("no-such-snippet"));
    }

    [Fact]
    public void With_drafts_approved_each_draft_replaces_its_snippet_and_serves()
    {
        using var folder = KnowledgeFolder.WithSnippets(
            Served(),
            Draft(version: 4),
            ("new-one.draft", SnippetText.Of("new-one", "New", ["Is there parking?"], "Park in front.", status: "draft", version: 1)),
            ("bring", SnippetText.Of("bring", "Bring", ["What should I bring?"], "Bring a book.")));
        var knowledge = folder.Load().Knowledge!;

        var trial = knowledge.WithDraftsApproved();

        Assert.Empty(trial.Drafts);
        Assert.Equal(["bring", "new-one", "wear"], trial.Snippets.Select(s => s.Id).Order(StringComparer.Ordinal));
        var wear = Assert.Single(trial.Snippets, s => s.Id == "wear");
        Assert.Equal(DraftBody, wear.Body);
        Assert.Equal(4, wear.Version);
        Assert.Equal(SnippetStatus.Approved, wear.Status);
        Assert.True(wear.IsServable(new DateOnly(2999, 1, 1)));
        Assert.Equal(SnippetStatus.Approved, Assert.Single(trial.Snippets, s => s.Id == "new-one").Status);
        Assert.Equal("Bring a book.", Assert.Single(trial.Snippets, s => s.Id == "bring").Body);
        Assert.Equal(3, trial.Index.SnippetCount);

        // The knowledge it was made from is unchanged: patients keep the served text.
        Assert.Equal(2, knowledge.Index.SnippetCount);
        Assert.Equal(ServedBody, Assert.Single(knowledge.Snippets, s => s.Id == "wear").Body);
        Assert.Equal(2, knowledge.Drafts.Count);
    }

    private static (string Name, string Text) Served() =>
        ("wear", SnippetText.Of("wear", "Wear", ["What should I wear?"], ServedBody));

    private static (string Name, string Text) Draft(int version) =>
        ("wear.draft", SnippetText.Of("wear", "Wear", ["What should I wear?"], DraftBody, status: "draft", version: version));
}
