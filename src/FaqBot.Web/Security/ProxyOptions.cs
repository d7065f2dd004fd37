using System.ComponentModel.DataAnnotations;
using System.Net;

namespace FaqBot.Web.Security;

/// <summary>Section <c>ForwardedHeaders</c>: the reverse proxies (or load balancers) in front of
/// the host whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> it believes. Empty (the
/// default) means the host faces clients directly and ignores those headers; behind a proxy,
/// every client would otherwise share the proxy's address, and with it one rate-limit budget
/// and one sign-in lockout.</summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, such as <c>10.0.0.4</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, such as <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row the host reads back through (the last N entries of
    /// <c>X-Forwarded-For</c>).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies holds '{proxy}', which is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks holds '{network}', which is not a network in CIDR notation (such as 10.0.0.0/24).", [nameof(KnownNetworks)]);
        }
    }
}
