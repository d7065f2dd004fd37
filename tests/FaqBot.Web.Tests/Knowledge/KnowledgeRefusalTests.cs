using System.Net;
using System.Net.Http.Json;
using FaqBot.Storage.Accounts;
using FaqBot.Web.Knowledge;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc;

namespace FaqBot.Web.Tests.Knowledge;

/// <summary>Requests the knowledge pages cannot act on get a 4xx with a reason, never a 500: a
/// method a page has no handler for, an action on a snippet that does not exist, and snippet files
/// that are links.</summary>
public sealed class KnowledgeRefusalTests : IDisposable
{
    private const string Id = "getting-home";

    private readonly WatchedKnowledge _knowledge = new();

    private FaqBotFactory Factory => _knowledge.Factory;

    [Theory]
    [InlineData(KnowledgeRoutes.List)]
    [InlineData(KnowledgeRoutes.Lint)]
    public async Task A_post_to_a_page_without_a_post_action_is_405_with_allow(string page)
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff);

        var response = await staff.PostFormAsync(page, page, new Dictionary<string, string> { ["x"] = "y" });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("does not accept POST", problem!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?handler=Bogus")]
    public async Task A_post_naming_no_action_of_the_snippet_page_is_400_naming_its_actions(string query)
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff);

        var response = await staff.PostFormAsync(KnowledgeRoutes.Snippet(Id), KnowledgeRoutes.Snippet(Id) + query, new Dictionary<string, string> { ["version"] = "1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("'Retire'", problem!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Retire", "no-such-snippet", "has no served file to retire")]
    [InlineData("Discard", "no-such-snippet", "has no draft")]
    [InlineData("Retire", "Not.An.Id", "is not a snippet id")]
    public async Task Retiring_or_discarding_a_snippet_that_does_not_exist_is_404_with_the_reason(string handler, string id, string reason)
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff);

        var response = await staff.PostFormAsync(KnowledgeRoutes.Snippet(Id), KnowledgeRoutes.Snippet(id) + "?handler=" + handler, new Dictionary<string, string> { ["version"] = "1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains(reason, problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snippet_file_that_is_a_link_is_neither_served_nor_acted_on()
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff);
        var outside = Outside("linked.md", _knowledge.Read($"snippets/{Id}.md").Replace($"id: {Id}", "id: linked", StringComparison.Ordinal));
        File.CreateSymbolicLink(_knowledge.File("snippets/linked.md"), outside);
        _knowledge.Holder.Reload();

        var page = await staff.GetAsync(KnowledgeRoutes.Snippet("linked"));
        var retire = await staff.PostFormAsync(KnowledgeRoutes.Snippet(Id), KnowledgeRoutes.Snippet("linked") + "?handler=Retire", new Dictionary<string, string> { ["version"] = "1" });
        var draft = await staff.PostFormAsync(KnowledgeRoutes.Edit(Id), KnowledgeRoutes.Edit("linked"), await EditFieldsAsync(staff));

        Assert.DoesNotContain(_knowledge.Holder.Current.Snippets, s => s.Id == "linked");
        Assert.Contains(_knowledge.Holder.LastLoad.Diagnostics, d => d.IsError && d.File.EndsWith("linked.md", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, retire.StatusCode);
        Assert.Contains("not a plain file", (await retire.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, draft.StatusCode);
        Assert.DoesNotContain("status: retired", File.ReadAllText(outside), StringComparison.Ordinal);
        Assert.False(File.Exists(_knowledge.File("snippets/linked.draft.md")));
    }

    [Fact]
    public async Task A_draft_path_that_is_a_link_stops_saving_and_retiring_with_a_conflict()
    {
        var staff = await Factory.SignedInClientAsync(Roles.Staff);
        var fields = await EditFieldsAsync(staff);
        var outside = Outside("elsewhere.md", "a file outside the knowledge folder");
        File.CreateSymbolicLink(_knowledge.File($"snippets/{Id}.draft.md"), outside);

        var save = await staff.PostFormAsync(KnowledgeRoutes.Edit(Id), KnowledgeRoutes.Edit(Id), fields);
        var retire = await staff.PostFormAsync(KnowledgeRoutes.Snippet(Id), KnowledgeRoutes.Snippet(Id) + "?handler=Retire", new Dictionary<string, string> { ["version"] = "1" });

        Assert.Equal(HttpStatusCode.Conflict, save.StatusCode);
        Assert.Contains("not a plain file", WebUtility.HtmlDecode(await save.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, retire.StatusCode);
        Assert.Equal("a file outside the knowledge folder", File.ReadAllText(outside));
        Assert.DoesNotContain("status: retired", _knowledge.Read($"snippets/{Id}.md"), StringComparison.Ordinal);
    }

    public void Dispose() => _knowledge.Dispose();

    /// <summary>A file beside the knowledge folder, in the test's own temporary folder.</summary>
    private string Outside(string name, string text)
    {
        var path = Path.Combine(Path.GetDirectoryName(_knowledge.Path)!, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<Dictionary<string, string>> EditFieldsAsync(HttpClient client) =>
        FormFields.Read(await client.GetStringAsync(KnowledgeRoutes.Edit(Id)));
}
