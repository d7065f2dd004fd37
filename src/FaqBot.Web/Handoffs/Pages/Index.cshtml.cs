using FaqBot.Storage.Transcripts;
using FaqBot.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Handoffs.Pages;

/// <summary><c>/handoffs</c>: every person the bot handed to staff (declined messages, questions
/// without an answer, callback requests), highest priority first, with how long each has waited,
/// each linked to its item page for every role that works the queue (and to the review page for
/// the roles that review); staff move items from new to claimed, contacted and closed.</summary>
[Authorize(Policy = Policies.Handoffs)]
public sealed class IndexModel(ITranscriptStore store, HandoffStatusChange change, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<HandoffItemView> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool ShowClosed { get; set; }

    public bool MayOpenConversations { get; private set; }

    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Items = await store.HandoffsAsync(ShowClosed, cancellationToken);
        MayOpenConversations = (await authorization.AuthorizeAsync(User, Policies.Review)).Succeeded;
    }

    public async Task<IActionResult> OnPostStatusAsync(long id, HandoffStatus status, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(status))
        {
            return BadRequest();
        }

        if (await change.SetAsync(id, status, StaffPrincipal.Actor(User), cancellationToken) is not { } notice)
        {
            return NotFound();
        }

        Notice = notice;
        return RedirectToPage(new { ShowClosed });
    }

    /// <summary>"3 h 12 min", "2 d 4 h": how long an item has waited.</summary>
    public static string Waited(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "under a minute",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 1 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} d {span.Hours} h",
    };
}
