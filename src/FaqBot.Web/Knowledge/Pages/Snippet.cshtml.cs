using System.Globalization;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Knowledge.Lint;
using FaqBot.Web.Accounts;
using FaqBot.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Knowledge.Pages;

/// <summary><c>/knowledge/snippets/{id}</c>: the served snippet and its pending draft (with the
/// changes between them) beside the source document with the quoted passage highlighted; approve,
/// retire or discard from here.</summary>
[Authorize(Policy = Policies.Knowledge)]
public sealed class SnippetModel(KnowledgeHolder knowledge, SnippetEditor editor, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public const int DefaultReviewMonths = 12;

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public Snippet? Served { get; private set; }

    public Snippet? Draft { get; private set; }

    /// <summary>Clinical advice in the draft's answer: approval is refused while there is any.</summary>
    public IReadOnlyList<LintFinding> DraftAdvice { get; private set; } = [];

    public IReadOnlyDictionary<string, SourceDocument> Sources { get; private set; } = new Dictionary<string, SourceDocument>();

    public bool MayEdit { get; private set; }

    public bool MayApprove { get; private set; }

    public DateOnly Today { get; private set; }

    public string DefaultReviewBy => Today.AddMonths(DefaultReviewMonths).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Why the last action did nothing, shown above the snippet.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(int version, string? reviewBy, CancellationToken cancellationToken)
    {
        if (!await MayAsync(Policies.KnowledgeApprove))
        {
            return Forbid();
        }

        if (!DateOnly.TryParseExact(reviewBy?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return await ShowAsync(EditOutcome.Invalid([$"review by: '{reviewBy}' is not a date like 2027-06-30"]));
        }

        return await ShowAsync(await editor.ApproveAsync(Id, version, day, StaffPrincipal.Actor(User), cancellationToken));
    }

    public async Task<IActionResult> OnPostRetireAsync(int version, CancellationToken cancellationToken) =>
        await MayAsync(Policies.KnowledgeEdit)
            ? await ShowAsync(await editor.RetireAsync(Id, version, StaffPrincipal.Actor(User), cancellationToken))
            : Forbid();

    public async Task<IActionResult> OnPostDiscardAsync(int version, CancellationToken cancellationToken) =>
        await MayAsync(Policies.KnowledgeEdit)
            ? await ShowAsync(await editor.DiscardDraftAsync(Id, version, StaffPrincipal.Actor(User), cancellationToken))
            : Forbid();

    /// <summary>After an action: back to the page with a notice when it was done, or the page with
    /// the problems (and a matching status) when nothing was; when there is no snippet to show the
    /// page with (an unknown id), the problems alone.</summary>
    private async Task<IActionResult> ShowAsync(EditOutcome outcome)
    {
        if (outcome.Succeeded)
        {
            Notice = string.Join(" ", outcome.Messages);
            return outcome.Snippet is null ? RedirectToPage("Index") : RedirectToPage(new { Id });
        }

        var status = outcome.Status switch
        {
            EditStatus.Conflict => StatusCodes.Status409Conflict,
            EditStatus.Refused => StatusCodes.Status403Forbidden,
            EditStatus.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        if (!await LoadAsync())
        {
            return PageProblems.Problem(status, string.Join(" ", outcome.Messages));
        }

        Problems = outcome.Messages;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        Today = time.Today();
        var kb = knowledge.Current;
        Served = kb.Snippets.FirstOrDefault(s => s.Id == Id);
        Draft = kb.Drafts.FirstOrDefault(d => d.Id == Id);
        DraftAdvice = Draft is null ? [] : KnowledgeLinter.ClinicalAdvice(Draft);
        Sources = kb.Sources;
        MayEdit = await MayAsync(Policies.KnowledgeEdit);
        MayApprove = await MayAsync(Policies.KnowledgeApprove);
        return Served is not null || Draft is not null;
    }

    private async Task<bool> MayAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;
}
