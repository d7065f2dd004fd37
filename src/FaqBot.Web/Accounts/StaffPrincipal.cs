using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FaqBot.Web.Accounts;

/// <summary>What the staff cookie holds: the account name, its role and its password stamp.</summary>
public static class StaffPrincipal
{
    public const string StampClaim = "faqbot:stamp";

    public static ClaimsPrincipal Create(string name, string role, string stamp) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(StampClaim, stamp)],
        CookieAuthenticationDefaults.AuthenticationScheme,
        ClaimTypes.Name,
        ClaimTypes.Role));

    /// <summary>The name the audit log records for a signed-in staff member.</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";

    public static string? Role(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);
}
