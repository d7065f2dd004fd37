using System.Net;
using FaqBot.Storage.Accounts;
using FaqBot.Web.Knowledge;
using FaqBot.Web.Tests.TestSupport;

namespace FaqBot.Web.Tests.Knowledge;

/// <summary>The snippet list and the lint page on a temporary copy of the knowledge folder.</summary>
public sealed class KnowledgePagesTests : IDisposable
{
    private readonly WatchedKnowledge _knowledge = new();

    [Fact]
    public async Task The_list_shows_status_approver_version_and_marks_a_review_due_soon()
    {
        var soon = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        _knowledge.Edit("snippets/getting-home.md", "reviewBy: 2027-11-23", $"reviewBy: {soon}");
        await WatchedKnowledge.WaitForAsync(() => _knowledge.Holder.Current.Snippets.Single(s => s.Id == "getting-home").ReviewBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == soon, "the new review date");
        var client = await _knowledge.Factory.SignedInClientAsync(Roles.Reviewer);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(KnowledgeRoutes.List));

        var row = html[html.IndexOf("data-snippet=\"getting-home\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("review-expiring", html[..html.IndexOf("data-snippet=\"getting-home\"", StringComparison.Ordinal)][^40..], StringComparison.Ordinal);
        Assert.Contains("approved", row, StringComparison.Ordinal);
        Assert.Contains("Sample reviewer", row, StringComparison.Ordinal);
        Assert.Contains($"{soon} due soon", row, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"review-expiring\""));
    }

    [Fact]
    public async Task A_change_that_cannot_be_served_shows_its_errors_on_the_list_while_the_last_good_knowledge_serves()
    {
        var generation = _knowledge.Holder.Generation;
        File.Delete(_knowledge.File("replies/no-answer.md"));
        await WatchedKnowledge.WaitForAsync(() => _knowledge.Holder.LastFailure is not null, "the failed reload");
        var client = await _knowledge.Factory.SignedInClientAsync(Roles.Staff);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(KnowledgeRoutes.List));

        Assert.Contains("The latest change cannot be served", html, StringComparison.Ordinal);
        Assert.Contains("no-answer", html[html.IndexOf("id=\"load-problems\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(generation, _knowledge.Holder.Generation);
    }

    [Fact]
    public async Task The_lint_page_is_clean_on_the_shipped_knowledge_and_names_a_dose_in_an_answer()
    {
        var client = await _knowledge.Factory.SignedInClientAsync(Roles.Reviewer);
        var clean = WebUtility.HtmlDecode(await client.GetStringAsync(KnowledgeRoutes.Lint));
        Assert.Contains("0 error(s), 0 warning(s).", clean, StringComparison.Ordinal);

        var text = _knowledge.Read("snippets/infusion-length.md");
        _knowledge.Write("snippets/infusion-length.md", text.TrimEnd() + " Most adults receive 0.5 mg/kg over the session.\n");
        await WatchedKnowledge.WaitForAsync(() => _knowledge.Holder.Current.Snippets.Single(s => s.Id == "infusion-length").Body.Contains("mg/kg", StringComparison.Ordinal), "the edited answer");

        var response = await client.GetAsync(KnowledgeRoutes.Lint);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-rule=\"clinical-advice-in-answer\"", html, StringComparison.Ordinal);
        Assert.Contains("infusion-length.md", html, StringComparison.Ordinal);
        Assert.Contains("1 error(s)", html, StringComparison.Ordinal);
    }

    public void Dispose() => _knowledge.Dispose();
}
