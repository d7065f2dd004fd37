using FaqBot.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FaqBot.Web.Accounts;

/// <summary>How the staff cookie answers: a browser asking for a page is sent to the sign-in page
/// (with a local return address), anything else gets a bare 401; a signed-in member without the
/// role gets 403 (with a short page for a browser). Every request re-reads the account, so a
/// removed account, a changed role or a new password take effect at once.</summary>
internal sealed class StaffCookieEvents(AccountStore accounts) : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        if (WantsPage(request))
        {
            var returnUrl = request.PathBase + request.Path + request.QueryString;
            context.Response.Redirect(StaffRoutes.SignIn + QueryString.Create(StaffRoutes.ReturnUrlParameter, returnUrl));
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }

        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (!WantsPage(context.Request))
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(ForbiddenPage, context.HttpContext.RequestAborted);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var account = string.IsNullOrEmpty(name) ? null : await accounts.FindAsync(name, context.HttpContext.RequestAborted);
        if (account is null || account.Stamp != context.Principal!.FindFirst(StaffPrincipal.StampClaim)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (account.Role != StaffPrincipal.Role(context.Principal!))
        {
            context.ReplacePrincipal(StaffPrincipal.Create(account.Name, account.Role, account.Stamp));
            context.ShouldRenew = true;
        }
    }

    /// <summary>A browser navigating: a GET (or HEAD) whose Accept names HTML.</summary>
    internal static bool WantsPage(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers.Accept.Any(value => value?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    private const string ForbiddenPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Not allowed</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/staff.css"></head>
        <body><main class="staff-main"><h1>Not allowed</h1><p>You are signed in, but your role cannot open this page.</p><p><a href="/account">Your pages</a></p></main></body>
        </html>
        """;
}
