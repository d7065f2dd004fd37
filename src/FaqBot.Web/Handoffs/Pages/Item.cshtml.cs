using System.Globalization;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Handoffs;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Accounts;
using FaqBot.Web.Review;
using FaqBot.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Handoffs.Pages;

/// <summary><c>/handoffs/{id}</c>: one handoff item for the roles that work the queue (staff,
/// clinician, admin): why it was handed over, its status, the contact details given for a callback
/// (each view written to the audit log) and the conversation so far, as stored (redacted). During
/// the opening hours a staff member joins a waiting Web Chat conversation from here, writes to the
/// patient and hands the chat back to the bot (see <see cref="LiveChats"/>); the conversation
/// refreshes itself while the page is open.</summary>
[Authorize(Policy = Policies.Handoffs)]
public sealed class ItemModel(ITranscriptStore store, AuditLog audit, LiveChats live, HandoffStatusChange change, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public HandoffItemView Item { get; private set; } = null!;

    public CallbackContact? Contact { get; private set; }

    public IReadOnlyList<ChatLine> Lines { get; private set; } = [];

    public bool MayReview { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>Who is in the chat, if anyone.</summary>
    public LiveChat? Live { get; private set; }

    /// <summary>Why the signed-in staff member cannot join now (None: they can, or are in it).</summary>
    public JoinRefusal Refusal { get; private set; }

    /// <summary>When staff are back, outside the opening hours.</summary>
    public string? NextOpening { get; private set; }

    public StaffMember Me => new(StaffPrincipal.Actor(User), StaffPrincipal.Role(User) ?? "");

    public bool IsMine => Live?.Staff.Account == Me.Account;

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
        Live = await live.FindAsync(item.ConversationId);
        Refusal = await live.CanJoinAsync(item.ConversationId, Me);
        NextOpening = Refusal == JoinRefusal.Closed ? live.NextOpening() : null;
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

        if (await change.SetAsync(id, status, StaffPrincipal.Actor(User), cancellationToken) is not { } notice)
        {
            return NotFound();
        }

        Notice = notice;
        return RedirectToPage(new { id });
    }

    /// <summary>The conversation alone, for the page to refresh itself while it is open.</summary>
    public async Task<IActionResult> OnGetChatAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.HandoffAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        Lines = await store.GetAsync(item.ConversationId, cancellationToken) is { } conversation ? ChatLine.From(conversation) : [];
        return Partial("_Chat", this);
    }

    /// <summary>Joins the chat (and claims the item): the patient is told who joined, and the bot stops answering.</summary>
    public async Task<IActionResult> OnPostJoinAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.HandoffAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        var refusal = await live.JoinAsync(item.ConversationId, id, Me, cancellationToken);
        if (refusal != JoinRefusal.None)
        {
            return PageProblems.Problem(StatusCodes.Status409Conflict, Explain(refusal, live.NextOpening(), await live.FindAsync(item.ConversationId)));
        }

        await store.SetHandoffStatusAsync(id, HandoffStatus.Claimed, Me.Account, time.GetUtcNow(), cancellationToken);
        await audit.AppendAsync(Me.Account, "handoff.live.join", Target(id), item.ConversationId, cancellationToken);
        Notice = "You are in the chat: the patient sees your messages as from " + Me.DisplayName + ". The assistant will not answer until you hand the chat back.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReplyAsync(long id, string? text, CancellationToken cancellationToken)
    {
        if (await store.HandoffAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        text = text?.Trim() ?? "";
        if (text.Length is 0 or > LiveChats.MaxMessageLength)
        {
            return PageProblems.Problem(StatusCodes.Status422UnprocessableEntity, $"Write a message of 1 to {LiveChats.MaxMessageLength} characters.");
        }

        if (!await live.SendAsync(item.ConversationId, Me, text, cancellationToken))
        {
            return PageProblems.Problem(StatusCodes.Status409Conflict, "You are not in this chat (any more): join it first, or the patient has left.");
        }

        await audit.AppendAsync(Me.Account, "handoff.live.reply", Target(id), $"{text.Length} characters", cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReleaseAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.HandoffAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        if (!await live.ReleaseAsync(item.ConversationId, Me, cancellationToken))
        {
            return PageProblems.Problem(StatusCodes.Status409Conflict, "You are not in this chat.");
        }

        await audit.AppendAsync(Me.Account, "handoff.live.release", Target(id), item.ConversationId, cancellationToken);
        Notice = "The chat is back with the assistant.";
        return RedirectToPage(new { id });
    }

    /// <summary>Why joining is not possible now, in words for staff.</summary>
    public static string Explain(JoinRefusal refusal, string? nextOpening, LiveChat? chat) => refusal switch
    {
        JoinRefusal.Closed => "The clinic is closed" + (nextOpening is null ? "" : $" (it opens {nextOpening})") + ": only a callback is possible.",
        JoinRefusal.NotLive => "This patient is not in a Web Chat conversation on this server any more (or wrote through another channel): call them back instead.",
        JoinRefusal.Taken => $"{chat?.Staff.Account ?? "Someone"} is already in this chat.",
        _ => "",
    };

    private static string Target(long id) => id.ToString(CultureInfo.InvariantCulture);
}
