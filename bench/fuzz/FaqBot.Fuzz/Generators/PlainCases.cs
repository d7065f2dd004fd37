namespace FaqBot.Fuzz.Generators;

/// <summary>The anonymous rest: <c>/health</c>, the clinic page and its static files (ranges,
/// conditional requests), <c>/api/chat-token</c>, and path tricks (encoded slashes and dots,
/// <c>..</c>, NUL, invalid UTF-8, overlong paths) that must never reach a file outside wwwroot.</summary>
internal static class PlainCases
{
    private static readonly string[] Files = ["/", "/index.html", "/chat.js", "/site.css", "/staff.css", "/lib/webchat.js", "/lib/webchat.js.LICENSE.txt"];

    private static readonly string[] Tricks =
    [
        "/..%2f..%2fappsettings.json", "/%2e%2e/%2e%2e/appsettings.json", "/lib/..%2f..%2f..%2fknowledge/safety/urgent.yaml",
        "/..\\..\\appsettings.json", "/index.html%00.js", "/%c0%ae%c0%ae/appsettings.json", "/%ed%a0%80", "/%ff%fe", "//health",
        "/./index.html", "/lib/", "/lib", "/wwwroot/index.html", "/FaqBot.Web.dll", "/appsettings.json", "/.git/config",
        "/index.html/", "/INDEX.HTML", "/chat.js;.css", "/%2F%2Fevil.example", "/health%2F..", "/api/chat-token/..%2f",
    ];

    private static readonly string[] Ranges = ["bytes=0-0", "bytes=99999999-", "bytes=-1", "bytes=5-2", "bytes=0-1,2-3,4-5,6-7,8-9,10-11", "chars=0-9"];

    public static FuzzRequest[] Next(Random random, FuzzContext context) => random.Next(7) switch
    {
        0 => [FuzzRequest.Get("/health", "health", random.Next(2) == 0 ? "/health" : Url.Query("/health", (Hostile.Text(random, 8), Hostile.Text(random, 30))))],
        1 => [StaticFile(random)],
        2 => [ChatToken(random)],
        3 => [FuzzRequest.Get("(path tricks)", "path trick", Tricks[random.Next(Tricks.Length)])],
        4 => [FuzzRequest.Get("(long paths)", "long path", "/" + Hostile.Word(random, random.Next(1_000, 12_000), "abc/%2e"))],
        5 => [FuzzRequest.Get("(unknown)", "unknown page", "/" + Url.Encode(Hostile.Text(random, 30)))],
        _ => [FuzzRequest.Get("(static files)", "query on a file", Url.Query(Files[random.Next(Files.Length)], ("v", Hostile.Text(random, 200))))],
    };

    private static FuzzRequest StaticFile(Random random)
    {
        var file = FuzzRequest.Get("(static files)", "file", Files[random.Next(Files.Length)]);
        return random.Next(5) switch
        {
            0 => file.WithHeader("Range", Ranges[random.Next(Ranges.Length)]) with { Shape = "file, Range" },
            1 => file.WithHeader("If-None-Match", Hostile.Text(random, 100)).WithHeader("If-Modified-Since", Hostile.Day(random)) with { Shape = "file, conditional" },
            2 => file.WithHeader("Accept-Encoding", "gzip;q=NaN, br;q=2, *;q=-1") with { Shape = "file, Accept-Encoding" },
            _ => file,
        };
    }

    private static FuzzRequest ChatToken(Random random) => random.Next(4) switch
    {
        0 => new FuzzRequest("/api/chat-token", "chat token", "POST", "/api/chat-token"),
        1 => FuzzRequest.Json("/api/chat-token", "chat token with a body", "POST", "/api/chat-token", Hostile.JsonValue(random)),
        2 => FuzzRequest.Get("/api/chat-token", "chat token by GET", "/api/chat-token"),
        _ => new FuzzRequest("/api/chat-token", "chat token with a query", "POST", Url.Query("/api/chat-token", ("user", Hostile.Id(random)))),
    };
}
