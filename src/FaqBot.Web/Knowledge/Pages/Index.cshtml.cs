using FaqBot.Core.Knowledge;
using FaqBot.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Knowledge.Pages;

/// <summary><c>/knowledge</c>: every snippet with its status, approver, version and review-by date
/// (expired and soon-due reviews marked), pending drafts, and the state of the last reload with
/// its problems.</summary>
[Authorize(Policy = Policies.Knowledge)]
public sealed class IndexModel(KnowledgeHolder knowledge, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<SnippetRow> Rows { get; private set; } = [];

    public KnowledgeLoadResult LastLoad { get; private set; } = null!;

    public KnowledgeReload? LastFailure { get; private set; }

    public long Generation { get; private set; }

    public DateTimeOffset ServingSince { get; private set; }

    public DateOnly Today { get; private set; }

    public bool MayEdit { get; private set; }

    public async Task OnGetAsync()
    {
        Today = time.Today();
        Rows = SnippetRow.For(knowledge.Current, Today);
        LastLoad = knowledge.LastLoad;
        LastFailure = knowledge.LastFailure;
        Generation = knowledge.Generation;
        ServingSince = knowledge.ServingSince;
        MayEdit = (await authorization.AuthorizeAsync(User, Policies.KnowledgeEdit)).Succeeded;
    }
}
