using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Accounts.Pages;

/// <summary><c>/account/signin</c>: the form (GET) and the check (POST, antiforgery). A wrong name,
/// a wrong password and a locked-out address get the same message; the audit log tells them apart.
/// A success opens a server-side session, which the cookie names.</summary>
[AllowAnonymous]
[EnableRateLimiting(StaffAccounts.SignInRateLimit)]
public sealed class SignInModel(AccountStore accounts, StaffSessions sessions, AuditLog audit, IOptions<AccountOptions> options) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var typed = (Name ?? "").Trim();
        var result = await accounts.SignInAsync(typed, Password ?? "", SignInClient.Key(HttpContext), cancellationToken);
        var from = $"from {HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown address"}";
        if (result.Succeeded)
        {
            await audit.AppendAsync(result.Name!, AuditActions.SignIn, result.Name!, from, cancellationToken);
            var session = await sessions.OpenAsync(result.Name!, StaffAccounts.SessionLifetime, cancellationToken);
            await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                StaffPrincipal.Create(result.Name!, result.Role!, session),
                new AuthenticationProperties { IsPersistent = false });
            return LocalRedirect(SafeReturnUrl());
        }

        var actor = typed.Length == 0 ? "anonymous" : typed[..Math.Min(typed.Length, AccountStore.MaxNameLength)];
        var (action, detail) = result.Status == SignInStatus.LockedOut
            ? (AuditActions.SignInLockedOut, $"{from}; locked until {result.LockedUntil:u}")
            : (AuditActions.SignInFailed, from);
        await audit.AppendAsync(actor, action, actor, detail, cancellationToken);

        var limits = options.Value;
        Error = $"Wrong name or password. After {limits.MaxFailedAttempts} failed attempts in a row, sign-in to that account from your address is paused for {limits.LockoutMinutes} minutes.";
        Password = null;
        return Page();
    }

    /// <summary>Only an address on this site: anything else (another host, <c>//host</c>, <c>/\host</c>) goes home.</summary>
    private string SafeReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : StaffRoutes.Home;
}
