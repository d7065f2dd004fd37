using System.Globalization;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Handoffs;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Accounts;
using FaqBot.Web.Review;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Handoffs.Pages;

/// <summary><c>/handoffs/{id}</c>: one handoff item for the roles that work the queue (staff,
/// clinician, admin): why it was handed over, its status, the contact details given for a callback
/// (each view written to the audit log) and the conversation so far, as stored (redacted).</summary>
[Authorize(Policy = Policies.Handoffs)]
public sealed class ItemModel(ITranscriptStore store, AuditLog audit, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public HandoffItemView Item { get; private set; } = null!;

    public CallbackContact? Contact { get; private set; }

    public IReadOnlyList<ChatLine> Lines { get; private set; } = [];

    public bool MayReview { get; private set; }

    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.HandoffAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        Now = time.GetUtcNow();
        MayReview = (await authorization.AuthorizeAsync(User, Policies.Review)).Succeeded;
        if (item.WantsCallback)
        {
            Contact = await store.CallbackContactAsync(id, cancellationToken);
            await audit.AppendAsync(StaffPrincipal.Actor(User), "handoff.contact.view", Target(id), Contact is null ? "unreadable" : "", cancellationToken);
        }

        if (await store.GetAsync(item.ConversationId, cancellationToken) is { } conversation)
        {
            Lines = ChatLine.From(conversation);
        }

        return Page();
    }

    /// <summary>Moves the item on (claim, contacted, closed, or back to new); claiming takes it for the one who asks.</summary>
    public async Task<IActionResult> OnPostStatusAsync(long id, HandoffStatus status, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(status))
        {
            return BadRequest();
        }

        var actor = StaffPrincipal.Actor(User);
        if (!await store.SetHandoffStatusAsync(id, status, actor, time.GetUtcNow(), cancellationToken))
        {
            return NotFound();
        }

        await audit.AppendAsync(actor, "handoff.status", Target(id), status.ToString().ToLowerInvariant(), cancellationToken);
        Notice = $"Item {id} is now {status.ToString().ToLowerInvariant()}{(status == HandoffStatus.Claimed ? " by you" : "")}.";
        return RedirectToPage(new { id });
    }

    private static string Target(long id) => id.ToString(CultureInfo.InvariantCulture);
}
