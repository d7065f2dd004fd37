using System.Globalization;
using System.Text;

namespace FaqBot.Fuzz;

/// <summary>One request exactly as sent: the route it counts under, a short name of its shape (what
/// makes it hostile), and the method, target, headers and body bytes, so a failure can be printed
/// as a command that sends it again.</summary>
internal sealed record FuzzRequest(string Route, string Shape, string Method, string Target)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[]? Body { get; init; }

    /// <summary>The staff session whose cookie the request carries, told when it was signed out.</summary>
    public StaffSession? Session { get; init; }

    /// <summary>The length in characters of the patient message it carries (0 when none).</summary>
    public int PatientMessageLength { get; init; }

    /// <summary>Where the count of requests, statuses and failures is kept: method and route.</summary>
    public string Endpoint => $"{Method} {Route}";

    public static FuzzRequest Get(string route, string shape, string target) => new(route, shape, "GET", target);

    public static FuzzRequest Json(string route, string shape, string method, string target, string json) =>
        Raw(route, shape, method, target, Encoding.UTF8.GetBytes(json), "application/json");

    public static FuzzRequest Raw(string route, string shape, string method, string target, byte[] body, string? contentType) =>
        new FuzzRequest(route, shape, method, target) { Body = body }.WithHeader("Content-Type", contentType);

    /// <summary>An HTML form post, with the session's cookie and, when <paramref name="withToken"/>,
    /// its antiforgery token (a form without one is refused before any handler runs).</summary>
    public static FuzzRequest Form(string route, string shape, string target, IEnumerable<(string Name, string Value)> fields, StaffSession? session, bool withToken)
    {
        var all = withToken && session?.FormToken is { } token ? fields.Append(("__RequestVerificationToken", token)) : fields;
        var body = string.Join('&', all.Select(f => Url.Encode(f.Item1) + "=" + Url.Encode(f.Item2)));
        return Raw(route, shape, "POST", target, Encoding.ASCII.GetBytes(body), "application/x-www-form-urlencoded").As(session);
    }

    public FuzzRequest WithHeader(string name, string? value) =>
        value is null ? this : this with { Headers = [.. Headers, new(name, value)] };

    public FuzzRequest WithoutHeader(string name) =>
        this with { Headers = [.. Headers.Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase))] };

    /// <summary>The request sent with a staff session's cookies (anonymous when null).</summary>
    public FuzzRequest As(StaffSession? session) =>
        session?.CookieHeader is { } cookies ? WithHeader("Cookie", cookies) with { Session = session } : this;

    public HttpRequestMessage ToMessage(Uri host)
    {
        var uri = new Uri(host.GetLeftPart(UriPartial.Authority) + Target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var message = new HttpRequestMessage(new HttpMethod(Method), uri);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
        }

        foreach (var (name, value) in Headers)
        {
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                message.Content ??= new ByteArrayContent([]);
                message.Content.Headers.Remove(name);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }

    /// <summary>A curl command that sends this request to the host at <c>$FAQBOT_URL</c>, its
    /// headers read from <paramref name="headerFile"/> (one a line), its body from <paramref name="bodyFile"/>.</summary>
    public string ToCurl(string headerFile, string? bodyFile)
    {
        var command = $"curl -sS -o /dev/null -w '%{{http_code}} %{{time_total}}s\\n' -X {Method} \"${{FAQBOT_URL:-http://127.0.0.1:5080}}\"{Quote(Target)}";
        command += Headers.Count > 0 ? $" -H @{Quote(headerFile)}" : "";
        return bodyFile is null ? command : command + $" --data-binary @{Quote(bodyFile)}";
    }

    /// <summary>The headers as curl reads them from a file: one "Name: value" a line.</summary>
    public byte[] HeaderLines() => Encoding.UTF8.GetBytes(string.Concat(Headers.Select(h => $"{h.Key}: {h.Value}\n")));

    /// <summary>Method, target (cut) and headers on one line, for the report.</summary>
    public string Describe()
    {
        var target = Target.Length > 160 ? Target[..160] + $"…({Target.Length} chars)" : Target;
        var headers = string.Join("; ", Headers.Select(h => h.Key + ": " + (h.Value.Length > 60 ? h.Value[..60] + $"…({h.Value.Length})" : h.Value)));
        return $"{Method} {target} [{Shape}] headers: {headers} body: {Body?.Length ?? 0} bytes";
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>Percent-encoding that keeps what a hostile client would send: a lone surrogate becomes
/// its three-byte (invalid) UTF-8 form instead of being replaced.</summary>
internal static class Url
{
    public static string Encode(string text)
    {
        var encoded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                encoded.Append(c);
                continue;
            }

            int codePoint = c;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, text[++i]);
            }

            foreach (var b in Utf8(codePoint))
            {
                encoded.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return encoded.ToString();
    }

    /// <summary>A path or query built from parts, each encoded.</summary>
    public static string Query(string path, params (string Name, string Value)[] parameters) =>
        parameters.Length == 0 ? path : path + "?" + string.Join('&', parameters.Select(p => Encode(p.Name) + "=" + Encode(p.Value)));

    private static byte[] Utf8(int codePoint) => codePoint switch
    {
        < 0x80 => [(byte)codePoint],
        < 0x800 => [(byte)(0xC0 | (codePoint >> 6)), (byte)(0x80 | (codePoint & 0x3F))],
        < 0x10000 => [(byte)(0xE0 | (codePoint >> 12)), (byte)(0x80 | ((codePoint >> 6) & 0x3F)), (byte)(0x80 | (codePoint & 0x3F))],
        _ => [(byte)(0xF0 | (codePoint >> 18)), (byte)(0x80 | ((codePoint >> 12) & 0x3F)), (byte)(0x80 | ((codePoint >> 6) & 0x3F)), (byte)(0x80 | (codePoint & 0x3F))],
    };
}
