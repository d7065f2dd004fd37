using System.Text.RegularExpressions;

namespace FaqBot.Core.Knowledge.Lint;

/// <summary>
/// <c>broken-links</c> (error): links patients would follow that cannot work. Read from the
/// answers of approved and draft snippets and from the fixed replies (with clinic details filled
/// in): Markdown links and images <c>[text](target)</c>, autolinks <c>&lt;target&gt;</c>, and bare
/// URLs (<c>scheme://...</c> or <c>www....</c>). Also each source document's <c>url</c> header.
/// A link is broken when its target is
/// <list type="bullet">
/// <item>empty, or only a <c>#fragment</c> (a chat message has no anchors);</item>
/// <item>of a scheme other than http, https, mailto and tel (a source's url: http or https only);</item>
/// <item>a malformed absolute URL: not parsed by <see cref="Uri"/>, no host, or a host that is not
/// an IP address or a dotted host name (letters, digits and inner hyphens, a top-level domain of
/// letters); a mailto without an address, a tel without digits;</item>
/// <item>relative and not an existing file inside the knowledge folder, looked up beside the file
/// that links to it, then from the knowledge folder itself (query and fragment ignored).</item>
/// </list>
/// Nothing is fetched: lint runs without a network.
/// </summary>
internal static partial class BrokenLinksRule
{
    private static readonly string[] LinkSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto, "tel"];

    public static IEnumerable<LintFinding> Check(LintContext context)
    {
        foreach (var snippet in context.Reviewed)
        {
            foreach (var finding in CheckText(context, snippet.File, snippet.Body))
            {
                yield return finding;
            }
        }

        foreach (var reply in context.Knowledge.Replies.All.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            var file = context.Display(Path.Combine(KnowledgeLoader.RepliesFolder, reply.Id + ".md"));
            foreach (var finding in CheckText(context, file, reply.Text))
            {
                yield return finding;
            }
        }

        foreach (var source in context.Knowledge.Sources.Values.OrderBy(s => s.File, StringComparer.Ordinal))
        {
            if (source.Url is { } url && Absolute(url, [Uri.UriSchemeHttp, Uri.UriSchemeHttps]) is { } problem)
            {
                yield return LintFinding.Error(LintRules.BrokenLinks, source.File, "url", $"\"{url}\": {problem}");
            }
        }
    }

    private static IEnumerable<LintFinding> CheckText(LintContext context, string file, string text)
    {
        var linked = new List<(int Start, int End)>();
        foreach (Match link in MarkdownLink().Matches(text))
        {
            linked.Add((link.Index, link.Index + link.Length));
            var target = link.Groups["target"].Value.Trim().Trim('<', '>');
            if (Problem(context, file, target) is { } problem)
            {
                yield return LintFinding.Error(LintRules.BrokenLinks, file, "body", $"link \"{link.Value}\": {problem}");
            }
        }

        foreach (Match url in BareUrl().Matches(text))
        {
            if (linked.Exists(l => url.Index >= l.Start && url.Index < l.End))
            {
                continue;
            }

            var target = url.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'', '"', '*', '_');
            if (Problem(context, file, target) is { } problem)
            {
                yield return LintFinding.Error(LintRules.BrokenLinks, file, "body", $"\"{target}\": {problem}");
            }
        }
    }

    private static string? Problem(LintContext context, string file, string target)
    {
        if (target.Length == 0)
        {
            return "the link has no target";
        }

        if (target.StartsWith('#'))
        {
            return "a link to an anchor goes nowhere in a chat message";
        }

        if (target.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return Absolute("https://" + target, LinkSchemes);
        }

        return SchemePattern().IsMatch(target) ? Absolute(target, LinkSchemes) : Relative(context, file, target);
    }

    private static string? Absolute(string target, string[] schemes)
    {
        var scheme = SchemePattern().Match(target);
        if (!scheme.Success)
        {
            return $"not an absolute URL (expected {string.Join(" or ", schemes)})";
        }

        var name = scheme.Groups["scheme"].Value.ToLowerInvariant();
        if (!schemes.Contains(name))
        {
            return $"the scheme '{name}' is not allowed (only {string.Join(", ", schemes)})";
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri))
        {
            return "a malformed URL";
        }

        return name switch
        {
            "mailto" => MailAddress().IsMatch(Uri.UnescapeDataString(uri.OriginalString[7..].Split('?')[0])) ? null : "a mailto link needs an e-mail address",
            "tel" => PhoneNumber().IsMatch(Uri.UnescapeDataString(uri.OriginalString[4..])) ? null : "a tel link needs a phone number",
            _ => !target[(name.Length + 1)..].StartsWith("//", StringComparison.Ordinal) || uri.Host.Length == 0
                ? "a malformed URL: no host"
                : uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || HostName().IsMatch(uri.IdnHost)
                    ? null
                    : $"a malformed URL: '{uri.Host}' is not a host name",
        };
    }

    private static string? Relative(LintContext context, string file, string target)
    {
        var path = Uri.UnescapeDataString(target.Split('#', '?')[0]);
        if (path.Length == 0)
        {
            return "the link has no target";
        }

        var linkingFolder = Path.GetDirectoryName(Path.Combine(Path.GetDirectoryName(context.Root) ?? context.Root, file)) ?? context.Root;
        var candidates = path.StartsWith('/')
            ? [Path.Combine(context.Root, path.TrimStart('/'))]
            : new[] { Path.Combine(linkingFolder, path), Path.Combine(context.Root, path) };
        foreach (var candidate in candidates.Select(Path.GetFullPath))
        {
            if (candidate.StartsWith(context.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(candidate))
            {
                return null;
            }
        }

        return "no such file in the knowledge folder";
    }

    /// <summary><c>[text](target)</c> or <c>![alt](target "title")</c>, and <c>&lt;scheme:...&gt;</c>.</summary>
    [GeneratedRegex(@"!?\[(?<text>[^\]\r\n]*)\]\(\s*(?<target><[^>\r\n]*>|[^\s)]*)(?:\s+(?:""[^""\r\n]*""|'[^'\r\n]*'))?\s*\)|<(?<target>[a-z][a-z0-9+.\-]*:[^>\s]*)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<![\w@/])(?:[a-z][a-z0-9+.\-]*://|www\.)[^\s<>()\[\]]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareUrl();

    [GeneratedRegex(@"^(?<scheme>[a-z][a-z0-9+.\-]*):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9\-]{1,59})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostName();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex MailAddress();

    [GeneratedRegex(@"^\+?[\d\s().\-]*\d[\d\s().\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();
}
