using System.Text.RegularExpressions;

namespace FaqBot.Fuzz;

/// <summary>A staff member signed in through the sign-in form as a browser does: the antiforgery
/// cookie and form token from the page, then the staff cookie, then a fresh form token for the
/// signed-in user. When a request sent with it is answered as signed out (a redirect to the
/// sign-in page, 401), the session signs in again before its next use.</summary>
internal sealed partial class StaffSession(string name, string password, string role)
{
    public const string SignInPath = "/account/signin";

    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public string Name => name;

    public string Role => role;

    public string? FormToken { get; private set; }

    public string? CookieHeader => _cookies.Count == 0 ? null : string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>The staff cookie itself, for requests that replay or tamper with it.</summary>
    public string? StaffCookie => _cookies.GetValueOrDefault("faqbot.staff");

    public bool SignedIn { get; private set; }

    /// <summary>Someone who opened the sign-in form and has its antiforgery cookie and token, but
    /// never signs in: the sender of sign-in attempts that reach the password check.</summary>
    public static async Task<StaffSession> VisitorAsync(FuzzClient client, CancellationToken cancellationToken)
    {
        var visitor = new StaffSession("visitor", "", "nobody");
        visitor.Take(await client.SendAsync(FuzzRequest.Get("/account/signin", "sign in: the form", SignInPath), cancellationToken));
        return visitor;
    }

    /// <summary>Signs in unless already signed in; false when the form refused the account.</summary>
    public async Task<bool> EnsureSignedInAsync(FuzzClient client, CancellationToken cancellationToken)
    {
        if (SignedIn)
        {
            return true;
        }

        _cookies.Clear();
        Take(await client.SendAsync(FuzzRequest.Get("/account/signin", "sign in: the form", SignInPath), cancellationToken));
        var posted = await client.SendAsync(
            FuzzRequest.Form("/account/signin", "sign in: the fuzzer's account", SignInPath, [("Name", name), ("Password", password)], this, withToken: true),
            cancellationToken);
        Take(posted);
        if (posted.Status != 302 || StaffCookie is null)
        {
            return false;
        }

        SignedIn = true;
        Take(await client.SendAsync(FuzzRequest.Get("/account", "signed in: the form token", "/account").As(this), cancellationToken));
        return SignedIn && FormToken is not null;
    }

    /// <summary>Reads what a response sent with this session says about it.</summary>
    public void Observe(FuzzResponse response)
    {
        if (response.Status == 401 || response.Status == 302 && response.Location?.StartsWith(SignInPath, StringComparison.OrdinalIgnoreCase) == true)
        {
            SignedIn = false;
        }
    }

    private void Take(FuzzResponse response)
    {
        foreach (var header in response.SetCookies)
        {
            var pair = header.Split(';', 2)[0];
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var (key, value) = (pair[..at].Trim(), pair[(at + 1)..].Trim());
            if (value.Length == 0)
            {
                _cookies.Remove(key);
            }
            else
            {
                _cookies[key] = value;
            }
        }

        if (TokenField().Match(response.Body) is { Success: true } match)
        {
            FormToken = match.Groups[1].Value;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
