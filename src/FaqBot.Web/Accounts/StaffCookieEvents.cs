using FaqBot.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FaqBot.Web.Accounts;

/// <summary>How the staff cookie answers: a browser asking for a page is sent to the sign-in page
/// (with a local return address), anything else gets a bare 401; a signed-in member without the
/// role gets 403 (with a short page for a browser). Every request looks up the session the cookie
/// names: a session ended on the server (sign-out, a new password or role, a removed account) or
/// expired there refuses the cookie, so a copy of it replayed later opens nothing.</summary>
internal sealed class StaffCookieEvents(StaffSessions sessions) : CookieAuthenticationEvents
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
        var principal = context.Principal;
        var session = StaffPrincipal.SessionId(principal) is { } id ? await sessions.FindAsync(id, context.HttpContext.RequestAborted) : null;
        if (session is null
            || !string.Equals(session.Name, principal!.Identity?.Name, StringComparison.Ordinal)
            || !string.Equals(session.Role, StaffPrincipal.Role(principal), StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>A sliding renewal of the cookie extends its session on the server by as much.</summary>
    public override async Task CheckSlidingExpiration(CookieSlidingExpirationContext context)
    {
        if (context.ShouldRenew && StaffPrincipal.SessionId(context.Principal) is { } id)
        {
            await sessions.ExtendAsync(id, context.Options.ExpireTimeSpan, context.HttpContext.RequestAborted);
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
