using System.ComponentModel.DataAnnotations;

namespace FaqBot.Web.Accounts;

/// <summary><c>RateLimits:SignInsPerMinute</c>: sign-in attempts (form posts) one IP address may make
/// per minute, on top of the per-account lockout.</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000)]
    public int SignInsPerMinute { get; set; } = 10;
}
