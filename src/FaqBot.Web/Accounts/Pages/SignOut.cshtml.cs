using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Accounts.Pages;

/// <summary><c>/account/signout</c>: signing out is a POST with the antiforgery token (the layout's
/// button); a GET only shows that button, so a link elsewhere cannot sign anyone out. Signing out
/// ends the session on the server, so the cookie is refused even where a copy of it survives.</summary>
[AllowAnonymous]
public sealed class SignOutModel(StaffSessions sessions, AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var actor = StaffPrincipal.Actor(User);
            await audit.AppendAsync(actor, AuditActions.SignOut, actor, "", cancellationToken);
        }

        if (StaffPrincipal.SessionId(User) is { } session)
        {
            await sessions.EndAsync(session, cancellationToken);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect(StaffRoutes.SignIn);
    }
}
