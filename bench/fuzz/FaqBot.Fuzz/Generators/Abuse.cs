using System.Globalization;

namespace FaqBot.Fuzz.Generators;

/// <summary>What any request may additionally suffer: a method its endpoint does not take, a
/// content type that does not match its body, huge or many headers, respelled credentials, abused
/// cookies, forwarding and override headers.</summary>
internal static class Abuse
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "FUZZ"];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=", "application/json; charset=utf-16",
        "application/json; charset=nonsense", "application/xml", "application/json, text/plain", "", ";;;", "application/*",
    ];

    public static FuzzRequest Apply(Random random, FuzzRequest request) => random.Next(20) switch
    {
        0 => request with { Method = Methods[random.Next(Methods.Length)], Shape = request.Shape + ", another method" },
        1 => request.WithoutHeader("Content-Type").WithHeader("Content-Type", ContentTypes[random.Next(ContentTypes.Length)]) with { Shape = request.Shape + ", wrong content type" },
        2 => Headers(random, request),
        3 => Cookies(random, request),
        _ => request,
    };

    private static FuzzRequest Headers(Random random, FuzzRequest request)
    {
        (string Shape, List<(string Name, string Value)> Headers) abuse = random.Next(9) switch
        {
            0 => ("a huge header", [("X-Fuzz", Hostile.Word(random, random.Next(8_000, 70_000), "abcdefghijklmnopqrstuvwxyz"))]),
            1 => ("many headers", Enumerable.Range(0, random.Next(100, 400)).Select(i => ("X-Fuzz-" + i.ToString(CultureInfo.InvariantCulture), "v")).ToList()),
            2 => ("two Authorization headers", [("Authorization", "Bearer a"), ("Authorization", "Bearer b")]),
            3 => ("forwarding headers", [("X-Forwarded-For", Hostile.Text(random, 40)), ("X-Forwarded-Proto", "gopher"), ("X-Forwarded-Host", "evil.example")]),
            4 => ("method override", [("X-HTTP-Method-Override", "DELETE"), ("X-Method-Override", "PUT")]),
            5 => ("a non-ASCII header", [("X-Fuzz", "\u00ff\u2603\uD83D\uDC8A")]),
            6 => ("a foreign origin", [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "POST")]),
            7 => ("odd Accept headers", [("Accept", "*/*;q=abc, text/html;level=" + Hostile.Number(random)), ("Accept-Language", Hostile.Text(random, 100))]),
            _ => ("an Expect header", [("Expect", "100-continue")]),
        };
        return abuse.Headers.Aggregate(request, (r, h) => r.WithHeader(h.Name, h.Value)) with { Shape = request.Shape + ", " + abuse.Shape };
    }

    private static FuzzRequest Cookies(Random random, FuzzRequest request)
    {
        var (shape, cookie) = random.Next(5) switch
        {
            0 => ("a huge cookie", "big=" + Hostile.Word(random, random.Next(4_000, 40_000), "abc")),
            1 => ("many cookies", string.Join("; ", Enumerable.Range(0, random.Next(100, 600)).Select(i => $"c{i}=v"))),
            2 => ("a malformed cookie", "=; ;;; faqbot.staff; =x=y; \"a\"=\"b"),
            3 => ("a garbage antiforgery cookie", "faqbot.antiforgery=" + Hostile.Word(random, 200, "ABCdef012-_")),
            _ => ("a garbage notice cookie", "faqbot.notice=" + Url.Encode(Hostile.Text(random, 300))),
        };
        return request.WithHeader("Cookie", cookie) with { Shape = request.Shape + ", " + shape };
    }
}
