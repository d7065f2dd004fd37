using FaqBot.Core.Knowledge;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Review.Pages;

/// <summary><c>/review/conversation?id=</c>: the conversation as the patient saw it, each bot
/// turn with its trace and cited snippet; mark reviewed, tag, note, export; delete (admin).</summary>
[Authorize(Policy = Policies.Review)]
public sealed class ConversationModel(ITranscriptStore store, AuditLog audit, KnowledgeHolder knowledge, TimeProvider time, IAuthorizationService authorization)
    : PageModel
{
    public ConversationDetail Conversation { get; private set; } = null!;

    public IReadOnlyList<ChatLine> Lines { get; private set; } = [];

    public bool MayDelete { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    /// <summary>The snippet as currently approved, to show beside a turn that cited it.</summary>
    public Snippet? CurrentSnippet(string? id) => id is null ? null : knowledge.Current.Snippets.FirstOrDefault(s => s.Id == id);

    /// <summary>Every handler works on the conversation named by the query's <c>id</c>; without one
    /// there is no such page.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!context.HandlerArguments.TryGetValue("id", out var id) || id is not string { Length: > 0 })
        {
            context.Result = NotFound();
        }
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReviewedAsync(string id, bool reviewed, CancellationToken cancellationToken)
    {
        if (!await store.SetReviewedAsync(id, reviewed, Actor, time.GetUtcNow(), cancellationToken))
        {
            return NotFound();
        }

        await audit.AppendAsync(Actor, reviewed ? "conversation.reviewed" : "conversation.unreviewed", id, "", cancellationToken);
        Notice = reviewed ? "Marked reviewed." : "Marked not reviewed.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostTagsAsync(string id, string? tags, CancellationToken cancellationToken)
    {
        var list = (tags ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            if (!await store.SetTagsAsync(id, list, cancellationToken))
            {
                return NotFound();
            }
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        await audit.AppendAsync(Actor, "conversation.tags", id, string.Join(",", list), cancellationToken);
        Notice = "Tags saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostNoteAsync(string id, string? note, CancellationToken cancellationToken)
    {
        try
        {
            if (!await store.SetNoteAsync(id, note ?? "", cancellationToken))
            {
                return NotFound();
            }
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }

        await audit.AppendAsync(Actor, "conversation.note", id, $"{(note ?? "").Length} characters", cancellationToken);
        Notice = "Note saved.";
        return RedirectToPage(new { id });
    }

    /// <summary>A patient's deletion request: admins only.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded)
        {
            return Forbid();
        }

        if (!await store.DeleteConversationAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await audit.AppendAsync(Actor, "conversation.delete", id, "", cancellationToken);
        return Redirect(ReviewRoutes.List);
    }

    private string Actor => StaffPrincipal.Actor(User);

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } conversation)
        {
            return false;
        }

        Conversation = conversation;
        Lines = ChatLine.From(conversation);
        MayDelete = (await authorization.AuthorizeAsync(User, Policies.Admin)).Succeeded;
        return true;
    }
}
