using System.Globalization;

namespace FaqBot.Fuzz.Generators;

/// <summary>Accounts and the admin pages: sign-in (hostile names, passwords and return addresses;
/// never the fuzzer's own accounts, which failed attempts would lock), sign-out, <c>/account</c>,
/// <c>/admin/users</c> and its changes, <c>/admin/audit</c> and its filters. Changes name a small
/// set of throwaway accounts, so the run never removes or re-passwords its own.</summary>
internal static class AccountCases
{
    private static readonly string[] Roles = ["reviewer", "staff", "clinician", "admin", "ADMIN", " admin ", "root", ""];

    public static FuzzRequest[] Next(Random random, FuzzContext context)
    {
        var name = random.Next(3) == 0 ? Hostile.Text(random, 80) : "fuzz-user-" + random.Next(4).ToString(CultureInfo.InvariantCulture);
        return random.Next(11) switch
        {
            0 => [SignIn(random, context, name)],
            1 => [FuzzRequest.Get("/account/signin", "sign-in form with a return address", Url.Query("/account/signin", ("returnUrl", ReturnUrl(random))))],
            2 => [Staff.Get(random, context, "/account", "account page", "/account")],
            3 => [Staff.Get(random, context, "/account/signout", "sign-out page", "/account/signout")],
            4 => [Staff.Post(random, context, "/account/signout", "sign out", "/account/signout")],
            5 => [Staff.Get(random, context, "/admin/users", "users", "/admin/users")],
            6 => [Staff.Post(random, context, "/admin/users", "add a user", "/admin/users?handler=Add", ("Name", name), ("Role", Roles[random.Next(Roles.Length)]), ("Password", Password(random)))],
            7 => [Staff.Post(random, context, "/admin/users", "change a role", "/admin/users?handler=Role", ("Name", name), ("Role", Roles[random.Next(Roles.Length)]))],
            8 => [Staff.Post(random, context, "/admin/users", "set a password", "/admin/users?handler=Password", ("Name", name), ("Password", Password(random)))],
            9 => [Staff.Post(random, context, "/admin/users", "remove a user", "/admin/users?handler=Remove", ("Name", name))],
            _ => [Staff.Get(random, context, "/admin/audit", "audit log with filters",
                Url.Query("/admin/audit", ("actor", Hostile.Text(random, 60)), ("action", Hostile.Text(random, 30)), ("before", Hostile.Number(random))))],
        };
    }

    /// <summary>A sign-in post from someone with the form open (so the password is checked), with
    /// a stale antiforgery token, or with none.</summary>
    private static FuzzRequest SignIn(Random random, FuzzContext context, string name)
    {
        (string, string)[] fields = [("Name", name), ("Password", Password(random)), ("ReturnUrl", ReturnUrl(random))];
        return random.Next(3) switch
        {
            0 => FuzzRequest.Form("/account/signin", "sign in as someone else", "/account/signin", fields, context.Visitor, withToken: true),
            1 => FuzzRequest.Form("/account/signin", "sign in with a stale form token", "/account/signin",
                [.. fields, ("__RequestVerificationToken", Hostile.Word(random, 100, "ABCDEFabcdef0123456789-_"))], context.Visitor, withToken: false),
            _ => FuzzRequest.Form("/account/signin", "sign in without the form", "/account/signin", fields, null, withToken: false),
        };
    }

    private static string Password(Random random) => random.Next(4) switch
    {
        0 => "short",
        1 => "correct horse battery staple " + random.Next(),
        2 => Hostile.Word(random, random.Next(1_000, 300_000), "abcdefghijklmnopqrstuvwxyz"),
        _ => Hostile.Text(random, 100),
    };

    private static string ReturnUrl(Random random) => random.Next(6) switch
    {
        0 => "//evil.example",
        1 => "/\\evil.example",
        2 => "https://evil.example/",
        3 => "javascript:alert(1)",
        4 => "/review?" + Hostile.Word(random, random.Next(100, 6_000), "ab%&="),
        _ => Hostile.Text(random, 60),
    };
}
