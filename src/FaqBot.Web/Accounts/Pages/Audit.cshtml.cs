using System.Globalization;
using FaqBot.Storage.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Accounts.Pages;

/// <summary><c>/admin/audit</c>: the newest audit entries, filtered by actor and action, a page at a time.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(AuditLog audit) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The id to page on from, when there may be older entries.</summary>
    public long? Older => Entries.Count == PageSize ? Entries[^1].Id : null;

    public string OlderHref(long before)
    {
        var query = new QueryBuilder { { "before", before.ToString(CultureInfo.InvariantCulture) } };
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query.Add("actor", Actor);
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            query.Add("action", Action);
        }

        return StaffRoutes.Audit + query;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await audit.ListAsync(new AuditQuery(Actor, Action, Before, PageSize), cancellationToken);
}
