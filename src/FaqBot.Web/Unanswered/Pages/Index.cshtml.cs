using FaqBot.Core.Knowledge;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Accounts;
using FaqBot.Web.Knowledge;
using FaqBot.Web.Review;
using FaqBot.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Unanswered.Pages;

/// <summary><c>/unanswered</c>: questions the bot had no approved answer for, similar ones grouped
/// with counts and examples, most asked first: the snippets to write next.</summary>
[Authorize(Policy = Policies.Unanswered)]
public sealed class IndexModel(ITranscriptStore store, KnowledgeHolder knowledge, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public const int DefaultDays = 30;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public DateOnly FromDay { get; private set; }

    public DateOnly ToDay { get; private set; }

    public int Questions { get; private set; }

    public IReadOnlyList<UnansweredGroup> Groups { get; private set; } = [];

    /// <summary>Whether the reader may start a draft snippet from a group.</summary>
    public bool MayDraft { get; private set; }

    /// <summary>A new draft with the group's wordings as its questions, most asked first.</summary>
    public static string DraftFrom(UnansweredGroup group) =>
        KnowledgeRoutes.Edit(null) + QueryString.Create(
            group.Examples.Select(e => e.Question).Prepend(group.Representative)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(q => new KeyValuePair<string, string?>("q", q)));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        ToDay = ReviewQuery.Date(To) ?? today;
        FromDay = ReviewQuery.Date(From) ?? UtcDays.Before(ToDay, DefaultDays);
        if (FromDay > ToDay)
        {
            return PageProblems.Problem(StatusCodes.Status400BadRequest, $"From ({FromDay:yyyy-MM-dd}) must not be after To ({ToDay:yyyy-MM-dd}).");
        }

        var questions = await store.UnansweredAsync(UtcDays.Start(FromDay), UtcDays.End(ToDay), cancellationToken);
        Questions = questions.Count;
        Groups = UnansweredReport.Group(questions, knowledge.Current);
        MayDraft = (await authorization.AuthorizeAsync(User, Policies.KnowledgeEdit)).Succeeded;
        return Page();
    }
}
