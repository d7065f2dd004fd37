using System.Globalization;
using FaqBot.Core.Knowledge;
using FaqBot.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Knowledge.Pages;

/// <summary><c>/knowledge/edit/{id?}</c>: writes a draft of a snippet (a new one without an id).
/// Questions may come pre-filled (<c>?q=…&amp;q=…</c>), as the unanswered questions report sends
/// them. A save that is not valid, or that would overwrite someone else's newer version, is refused
/// with the reason, and the text stays in the form.</summary>
[Authorize(Policy = Policies.KnowledgeEdit)]
public sealed class EditModel(KnowledgeHolder knowledge, SnippetEditor editor, TimeProvider time) : PageModel
{
    public const int MaxPrefilledQuestions = 20;

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public SnippetForm Form { get; set; } = new();

    public bool IsNew => Id is null;

    public IReadOnlyList<SourceDocument> Documents { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IActionResult OnGet([FromQuery(Name = "q")] string[]? questions)
    {
        Documents = SortedDocuments();
        if (Id is null)
        {
            var prefilled = (questions ?? []).Select(q => q.Trim()).Where(q => q.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxPrefilledQuestions);
            Form = new SnippetForm
            {
                Questions = string.Join('\n', prefilled),
                ReviewBy = time.Today().AddMonths(SnippetModel.DefaultReviewMonths).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            return Page();
        }

        if (knowledge.Current.WorkingCopy(Id) is not { } snippet)
        {
            return NotFound();
        }

        Form = SnippetForm.From(snippet);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Documents = SortedDocuments();
        if (Id is not null)
        {
            // The address names the snippet; a form cannot redirect the save to another one.
            Form.Id = Id;
            if (Form.BaseVersion is null)
            {
                Problems = ["The form did not say which version it started from; open the snippet again."];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }
        else
        {
            Form.BaseVersion = null;
        }

        var outcome = await editor.SaveDraftAsync(Form, StaffPrincipal.Actor(User), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[nameof(SnippetModel.Notice)] = string.Join(" ", outcome.Messages);
            return Redirect(KnowledgeRoutes.Snippet(Form.Id.Trim()));
        }

        Problems = outcome.Messages;
        Response.StatusCode = outcome.Status switch
        {
            EditStatus.Conflict => StatusCodes.Status409Conflict,
            EditStatus.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Page();
    }

    private List<SourceDocument> SortedDocuments() =>
        [.. knowledge.Current.Sources.Values.OrderBy(d => d.Title, StringComparer.OrdinalIgnoreCase)];
}
