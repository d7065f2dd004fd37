using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Accounts.Pages;

/// <summary><c>/account</c>: where sign-in lands: who is signed in and the pages their role opens.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<(string Title, string Href, string Purpose)> Links { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var all = new[]
        {
            (Policies.Review, "Review", StaffRoutes.Review, "Conversations, with why the bot answered as it did."),
            (Policies.Handoffs, "Handoffs", StaffRoutes.Handoffs, "People the bot handed to staff, urgent first."),
            (Policies.Unanswered, "Unanswered", StaffRoutes.Unanswered, "Questions the bot could not answer, grouped."),
            (Policies.Admin, "Users", StaffRoutes.Users, "Staff accounts and roles."),
            (Policies.Admin, "Audit", StaffRoutes.Audit, "Sign-ins and staff actions."),
        };
        var links = new List<(string, string, string)>();
        foreach (var (policy, title, href, purpose) in all)
        {
            if ((await authorization.AuthorizeAsync(User, policy)).Succeeded)
            {
                links.Add((title, href, purpose));
            }
        }

        Links = links;
    }

    public string RoleName => StaffPrincipal.Role(User) ?? "";
}
