using System.ComponentModel.DataAnnotations;

namespace FaqBot.Web.Accounts;

/// <summary><c>RateLimits:SignInsPerMinute</c>: sign-in attempts (form posts) one client may make per
/// minute, whatever names it tries (a client as <see cref="SignInClient"/> counts it: an IPv4 address
/// or an IPv6 /64), on top of the lockout of that client from an account.</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000)]
    public int SignInsPerMinute { get; set; } = 10;
}
