using System.Net;
using FaqBot.Core.Answering;
using FaqBot.Core.Knowledge;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Knowledge;
using FaqBot.Web.Knowledge;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Knowledge;

/// <summary>Drafts, approval, retirement and their rules through the staff pages, on a temporary
/// copy of the knowledge folder.</summary>
public sealed class SnippetEditingTests : IDisposable
{
    private const string Id = "getting-home";
    private const string Question = "Can I drive myself home after my infusion?";
    private const string NewBody = "A friend or family member must drive you home; please do not drive for the rest of the day.";

    private readonly WatchedKnowledge _knowledge = new();

    private FaqBotFactory Factory => _knowledge.Factory;

    private string DraftFile => _knowledge.File($"snippets/{Id}.draft.md");

    private string ServedFile => _knowledge.File($"snippets/{Id}.md");

    [Fact]
    public async Task A_saved_edit_is_a_draft_that_patients_do_not_see_until_a_clinician_approves_it()
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff, "sam");
        var clinician = await Factory.SignedInClientAsync(Roles.Clinician, "dr-lee");
        var before = await AskAsync();

        var saved = await SaveAsync(staff, Id, f => f["Form.Body"] = NewBody);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(KnowledgeRoutes.Snippet(Id), saved.Headers.Location!.OriginalString);
        var draft = File.ReadAllText(DraftFile);
        Assert.Contains("status: draft", draft, StringComparison.Ordinal);
        Assert.Contains("version: 2", draft, StringComparison.Ordinal);
        Assert.Contains("editedBy: \"sam\"", draft, StringComparison.Ordinal);
        Assert.Equal(before.Text, (await AskAsync()).Text);

        var approved = await ApproveAsync(clinician, Id, 2);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.False(File.Exists(DraftFile));
        var served = File.ReadAllText(ServedFile);
        Assert.Contains("status: approved", served, StringComparison.Ordinal);
        Assert.Contains("approvedBy: \"dr-lee\"", served, StringComparison.Ordinal);
        Assert.Contains("version: 2", served, StringComparison.Ordinal);
        var after = await AskAsync();
        Assert.Equal(NewBody, after.Text);
        var citation = Assert.Single(after.Citations.Select(c => (c.SnippetId, c.SnippetVersion)).Distinct());
        Assert.Equal((Id, 2), citation);
        var audit = await Factory.AuditAsync(new AuditQuery(Limit: 10));
        Assert.Contains(audit, e => e is { Actor: "sam", Action: "snippet.edited", Target: Id });
        Assert.Contains(audit, e => e is { Actor: "dr-lee", Action: "snippet.approved", Target: Id });
    }

    [Fact]
    public async Task Only_a_clinician_who_did_not_make_the_last_edit_may_approve()
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff);
        var admin = await Factory.SignedInClientAsync(Roles.Admin);
        var author = await Factory.SignedInClientAsync(Roles.Clinician, "dr-author");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(author, Id, f => f["Form.Body"] = NewBody)).StatusCode);

        var byStaff = await ApproveAsync(staff, Id, 2);
        var byAdmin = await ApproveAsync(admin, Id, 2);
        var byAuthor = await ApproveAsync(author, Id, 2);

        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAuthor.StatusCode);
        Assert.Contains("another clinician must approve it", await byAuthor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(File.Exists(DraftFile));
        Assert.Contains("version: 1", File.ReadAllText(ServedFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_editor_working_from_an_old_version_gets_a_conflict_and_overwrites_nothing()
    {
        var first = await Factory.SignedInClientAsync(Roles.Staff, "first");
        var second = await Factory.SignedInClientAsync(Roles.Staff, "second");
        var secondsForm = await FormAsync(second, Id);

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(first, Id, f => f["Form.Body"] = NewBody)).StatusCode);
        secondsForm["Form.Body"] = "Another text entirely.";
        var response = await second.PostFormAsync(KnowledgeRoutes.Edit(Id), KnowledgeRoutes.Edit(Id), secondsForm);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("you started from version 1, and version 2 was saved by first", html, StringComparison.Ordinal);
        Assert.Contains("Another text entirely.", html, StringComparison.Ordinal);
        Assert.Contains(NewBody, File.ReadAllText(DraftFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_edit_is_refused_with_the_reason_and_nothing_is_written()
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff);
        var before = await AskAsync();
        var served = File.ReadAllText(ServedFile);

        var response = await SaveAsync(staff, Id, f => f["Form.SourceQuote"] = "Ketamine infusions are always completely free of charge.");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nothing was saved", html, StringComparison.Ordinal);
        Assert.Contains("does not occur verbatim in source", html, StringComparison.Ordinal);
        Assert.False(File.Exists(DraftFile));
        Assert.Equal(served, File.ReadAllText(ServedFile));
        Assert.Equal(before.Text, (await AskAsync()).Text);
    }

    [Theory]
    [InlineData("../../outside")]
    [InlineData("..")]
    [InlineData("snippets/x")]
    [InlineData("Upper-Case")]
    [InlineData("a--b")]
    public async Task A_new_snippet_id_that_could_leave_the_snippets_folder_is_refused(string id)
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff);
        var fields = await FormAsync(staff, null);
        Fill(fields, id);

        var response = await staff.PostFormAsync(KnowledgeRoutes.Edit(null), KnowledgeRoutes.Edit(null), fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("is not allowed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var written = Directory.GetFiles(Path.GetDirectoryName(_knowledge.Path)!, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(_knowledge.File("snippets"), StringComparison.Ordinal) && !f.StartsWith(_knowledge.File("replies"), StringComparison.Ordinal));
        Assert.Empty(written);
    }

    [Fact]
    public async Task An_id_in_the_address_that_is_not_a_snippet_id_is_not_written()
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff);
        var fields = await FormAsync(staff, Id);
        var escaped = "/knowledge/edit/..%2F..%2Fescaped";

        var response = await staff.PostFormAsync(KnowledgeRoutes.Edit(Id), escaped, fields);

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_knowledge.Path)!, "escaped.draft.md")));
        Assert.Empty(Directory.GetFiles(_knowledge.File("snippets"), "*.draft.md"));
    }

    [Fact]
    public async Task A_draft_that_gives_a_dose_is_saved_but_cannot_be_approved()
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff, "sam");
        var clinician = await Factory.SignedInClientAsync(Roles.Clinician, "dr-lee");
        const string Dosing = "Most patients receive 0.5 mg/kg over 40 minutes, so you are a good candidate to drive later.";
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(staff, Id, f => f["Form.Body"] = Dosing)).StatusCode);

        var page = System.Net.WebUtility.HtmlDecode(await clinician.GetStringAsync(KnowledgeRoutes.Snippet(Id)));
        var approved = await ApproveAsync(clinician, Id, 2);

        Assert.Contains("This draft cannot be approved: its answer gives clinical advice.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, approved.StatusCode);
        var refusal = System.Net.WebUtility.HtmlDecode(await approved.Content.ReadAsStringAsync());
        Assert.Contains("gives a dose (\"0.5 mg/kg\")", refusal, StringComparison.Ordinal);
        Assert.Contains("judges the reader's own case", refusal, StringComparison.Ordinal);
        Assert.True(File.Exists(DraftFile));
        Assert.Contains("version: 1", File.ReadAllText(ServedFile), StringComparison.Ordinal);
        Assert.NotEqual(Dosing, (await AskAsync()).Text);
    }

    [Fact]
    public async Task A_new_snippet_started_from_questions_is_served_once_approved()
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff, "writer");
        var clinician = await Factory.SignedInClientAsync(Roles.Clinician, "approver");
        var prefilled = await staff.GetStringAsync(KnowledgeRoutes.Edit(null) + "?q=is+there+parking&q=where+do+I+park");
        Assert.Equal("is there parking\nwhere do I park", FormFields.Read(prefilled)["Form.Questions"]);
        var fields = await FormAsync(staff, null);
        Fill(fields, "parking-test");

        var created = await staff.PostFormAsync(KnowledgeRoutes.Edit(null), KnowledgeRoutes.Edit(null), fields);
        Assert.True(HttpStatusCode.Redirect == created.StatusCode, await created.Content.ReadAsStringAsync());
        Assert.Equal(AnswerOutcome.Unanswered, (await AskAsync("Where should I park my car when I arrive?")).Outcome);

        Assert.Equal(HttpStatusCode.Redirect, (await ApproveAsync(clinician, "parking-test", 1)).StatusCode);

        var answer = await AskAsync("Where should I park my car when I arrive?");
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal("parking-test", answer.Citations[0].SnippetId);
        var history = await Factory.Services.GetRequiredService<SnippetHistory>().ForSnippetAsync("parking-test", CancellationToken.None);
        Assert.Equal([SnippetActions.Created, SnippetActions.Approved], history.Select(h => h.Action));
    }

    [Fact]
    public async Task Creating_a_snippet_with_a_taken_id_is_a_conflict()
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff);
        var fields = await FormAsync(staff, null);
        Fill(fields, Id);

        var response = await staff.PostFormAsync(KnowledgeRoutes.Edit(null), KnowledgeRoutes.Edit(null), fields);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"A snippet with the id '{Id}' already exists", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(File.Exists(DraftFile));
    }

    [Fact]
    public async Task A_retired_snippet_is_no_longer_served_and_its_version_is_bumped()
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff, "retirer");
        Assert.Equal(Id, (await AskAsync()).Citations[0].SnippetId);

        var response = await staff.PostFormAsync(KnowledgeRoutes.Snippet(Id), KnowledgeRoutes.Snippet(Id) + "?handler=Retire", new Dictionary<string, string> { ["version"] = "1" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var text = File.ReadAllText(ServedFile);
        Assert.Contains("status: retired", text, StringComparison.Ordinal);
        Assert.Contains("version: 2", text, StringComparison.Ordinal);
        Assert.DoesNotContain((await AskAsync()).Citations, c => c.SnippetId == Id);
        Assert.Contains(await Factory.AuditAsync(), e => e is { Actor: "retirer", Action: "snippet.retired", Target: Id });
    }

    [Fact]
    public async Task The_history_shows_each_version_with_the_lines_it_changed_and_the_snippet_page_the_draft_beside_the_source()
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff, "historian");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(staff, Id, f => f["Form.Body"] = NewBody)).StatusCode);

        var history = System.Net.WebUtility.HtmlDecode(await staff.GetStringAsync(KnowledgeRoutes.History(Id)));
        var page = System.Net.WebUtility.HtmlDecode(await staff.GetStringAsync(KnowledgeRoutes.Snippet(Id)));

        Assert.Contains("Version 2: edited by historian", history, StringComparison.Ordinal);
        Assert.Contains("Version 1: found by historian", history, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"diff-added\">+ {NewBody}", history, StringComparison.Ordinal);
        Assert.Contains("<span class=\"diff-removed\">- Please plan for someone else to drive you home.", history, StringComparison.Ordinal);
        Assert.Contains("Draft waiting for approval (version 2)", page, StringComparison.Ordinal);
        Assert.Contains("<mark>You should not drive a car or operate heavy machinery for the rest of the day.</mark>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_try_panel_answers_from_the_drafts_while_patients_keep_the_served_text()
    {
        var reviewer = await Factory.SignedInClientAsync(Roles.Reviewer);
        var staff = await Factory.SignedInClientAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(staff, Id, f => f["Form.Body"] = NewBody)).StatusCode);
        var handoffsBefore = (await Factory.AuditAsync()).Count;

        var html = await reviewer.GetStringAsync(KnowledgeRoutes.Try + "?q=" + Uri.EscapeDataString(Question));

        var draftSide = html[html.IndexOf("id=\"draft-answer\"", StringComparison.Ordinal)..];
        var servedSide = html[html.IndexOf("id=\"served-answer\"", StringComparison.Ordinal)..html.IndexOf("id=\"draft-answer\"", StringComparison.Ordinal)];
        Assert.Contains(System.Net.WebUtility.HtmlEncode(NewBody), draftSide, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(NewBody), servedSide, StringComparison.Ordinal);
        Assert.Contains("Please plan for someone else to drive you home.", servedSide, StringComparison.Ordinal);
        Assert.NotEqual(NewBody, (await AskAsync()).Text);
        Assert.Equal(handoffsBefore, (await Factory.AuditAsync()).Count);
    }

    [Fact]
    public async Task A_discarded_draft_is_gone_and_kept_in_the_history()
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(staff, Id, f => f["Form.Body"] = NewBody)).StatusCode);

        var response = await staff.PostFormAsync(KnowledgeRoutes.Snippet(Id), KnowledgeRoutes.Snippet(Id) + "?handler=Discard", new Dictionary<string, string> { ["version"] = "2" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(File.Exists(DraftFile));
        var history = await Factory.Services.GetRequiredService<SnippetHistory>().ForSnippetAsync(Id, CancellationToken.None);
        Assert.Equal(NewBody, SnippetFile.Parse("x.draft.md", history[^1].Content.Replace($"id: {Id}", "id: x", StringComparison.Ordinal), Factory.Services.GetRequiredService<KnowledgeHolder>().Current.Sources, "x").Snippet!.Body);
    }

    private async Task<Answer> AskAsync(string question = Question) =>
        await Factory.Services.GetRequiredService<Answerer>().AskAsync(question);

    /// <summary>The edit form's fields as the page filled them.</summary>
    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string? id)
    {
        var html = await client.GetStringAsync(KnowledgeRoutes.Edit(id));
        return FormFields.Read(html);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string id, Action<Dictionary<string, string>> change)
    {
        var fields = await FormAsync(client, id);
        change(fields);
        return await client.PostFormAsync(KnowledgeRoutes.Edit(id), KnowledgeRoutes.Edit(id), fields);
    }

    private static Task<HttpResponseMessage> ApproveAsync(HttpClient client, string id, int version) =>
        client.PostFormAsync(KnowledgeRoutes.Snippet(id), KnowledgeRoutes.Snippet(id) + "?handler=Approve", new Dictionary<string, string>
        {
            ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reviewBy"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });

    private static void Fill(Dictionary<string, string> fields, string id)
    {
        fields["Form.Id"] = id;
        fields["Form.Title"] = "Parking at the clinic";
        fields["Form.Questions"] = "Where do I park my car at the clinic?\nIs there parking when I arrive?";
        fields["Form.Tags"] = "logistics, parking";
        fields["Form.SourceDocument"] = "infusion-experience";
        fields["Form.SourceSection"] = "After Infusion Therapy";
        fields["Form.SourceQuote"] = "You should not drive a car or operate heavy machinery for the rest of the day.";
        fields["Form.Body"] = "Free parking is available in front of the clinic.";
    }

    public void Dispose() => _knowledge.Dispose();
}
