namespace FaqBot.Fuzz.Generators;

/// <summary>Staff requests as they arrive: mostly from a signed-in session (with its form token on
/// posts), else anonymous, with a tampered or foreign staff cookie, without the antiforgery token
/// or with another session's.</summary>
internal static class Staff
{
    public static FuzzRequest Get(Random random, FuzzContext context, string route, string shape, string target)
    {
        var request = FuzzRequest.Get(route, shape, target);
        var session = context.Session(random);
        return random.Next(10) switch
        {
            < 7 => request.As(session) with { Shape = $"{shape}, signed in as {session?.Role ?? "nobody"}" },
            7 => request with { Shape = shape + ", anonymous" },
            _ => Tampered(random, request, session),
        };
    }

    public static FuzzRequest Post(Random random, FuzzContext context, string route, string shape, string target, params (string Name, string Value)[] fields)
    {
        var session = context.Session(random);
        var signedIn = $"{shape}, signed in as {session?.Role ?? "nobody"}";
        return random.Next(10) switch
        {
            < 6 => FuzzRequest.Form(route, signedIn, target, fields, session, withToken: true),
            6 => FuzzRequest.Form(route, signedIn + ", no antiforgery token", target, fields, session, withToken: false),
            7 => FuzzRequest.Form(route, signedIn + ", a foreign antiforgery token", target,
                [.. fields, ("__RequestVerificationToken", context.Sessions[random.Next(context.Sessions.Count)].FormToken ?? "x")], session, withToken: false),
            8 => FuzzRequest.Form(route, shape + ", anonymous", target, fields, null, withToken: false),
            _ => Tampered(random, FuzzRequest.Form(route, shape, target, fields, session, withToken: true), session),
        };
    }

    /// <summary>The staff cookie changed, cut, doubled or replaced by garbage.</summary>
    private static FuzzRequest Tampered(Random random, FuzzRequest request, StaffSession? session)
    {
        var cookie = session?.StaffCookie ?? "CfDJ8";
        var (shape, value) = random.Next(5) switch
        {
            0 => ("a flipped byte in the staff cookie", cookie[..(cookie.Length / 2)] + (cookie[cookie.Length / 2] == 'A' ? 'B' : 'A') + cookie[(cookie.Length / 2 + 1)..]),
            1 => ("a cut staff cookie", cookie[..(cookie.Length / 3)]),
            2 => ("a staff cookie of garbage", Hostile.Word(random, random.Next(10, 4_000), "ABCDEFabcdef0123456789-_")),
            3 => ("a staff cookie of any characters", Url.Encode(Hostile.Text(random, 200))),
            _ => ("the staff cookie twice", cookie + "; faqbot.staff=" + cookie),
        };
        return request.WithoutHeader("Cookie").WithHeader("Cookie", "faqbot.staff=" + value) with { Shape = $"{request.Shape}, {shape}", Session = null };
    }
}
