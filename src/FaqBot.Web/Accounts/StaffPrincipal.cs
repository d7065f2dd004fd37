using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FaqBot.Web.Accounts;

/// <summary>What the staff cookie holds: the account name, its role and the id of its server-side
/// session (<see cref="FaqBot.Storage.Accounts.StaffSessions"/>).</summary>
public static class StaffPrincipal
{
    public const string SessionClaim = "faqbot:session";

    public static ClaimsPrincipal Create(string name, string role, string sessionId) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(SessionClaim, sessionId)],
        CookieAuthenticationDefaults.AuthenticationScheme,
        ClaimTypes.Name,
        ClaimTypes.Role));

    /// <summary>The name the audit log records for a signed-in staff member.</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";

    public static string? Role(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    /// <summary>The session the cookie names, or null (a cookie from before sessions were kept names none).</summary>
    public static string? SessionId(ClaimsPrincipal? user) => user?.FindFirstValue(SessionClaim) is { Length: > 0 } id ? id : null;
}
