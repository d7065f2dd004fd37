using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using FaqBot.Web.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.TestSupport;

/// <summary>Staff accounts and signed-in clients for host tests. A client keeps its cookies and
/// does not follow redirects, so a test sees the 302s; it signs in the way a browser does: GET
/// the form, POST it with the antiforgery token the form carried.</summary>
public static partial class StaffSession
{
    public const string Password = "a long enough test passphrase";

    public const string SignInPath = "/account/signin";

    private static int _counter;

    /// <summary>Adds an account straight to the host's store.</summary>
    public static Task<Account> CreateUserAsync(this FaqBotFactory factory, string name, string role, string password = Password) =>
        factory.Services.GetRequiredService<AccountStore>().AddAsync(name, role, password, CancellationToken.None);

    /// <summary>The host's audit log, newest first.</summary>
    public static Task<IReadOnlyList<AuditEntry>> AuditAsync(this FaqBotFactory factory, AuditQuery? query = null) =>
        factory.Services.GetRequiredService<AuditLog>().ListAsync(query ?? new AuditQuery(), CancellationToken.None);

    /// <summary>A client with a cookie jar that does not follow redirects, asking for HTML as a browser does.</summary>
    public static HttpClient CreateBrowserLikeClient(this FaqBotFactory factory, Uri? baseAddress = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = baseAddress ?? new Uri("http://localhost"),
        });
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return client;
    }

    /// <summary>A new account with <paramref name="role"/> (named after it, plus a counter) and a client signed in as it.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this FaqBotFactory factory, string role, string? name = null)
    {
        name ??= $"{role}-{Interlocked.Increment(ref _counter)}";
        await factory.CreateUserAsync(name, role);
        var client = factory.CreateBrowserLikeClient();
        var response = await client.SignInAsync(name, Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {name} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>Signs in as <paramref name="name"/> (an existing account) and returns the staff cookie
    /// the host set, as a <c>Cookie</c> header value, for a test to replay later.</summary>
    public static async Task<string> StaffCookieAsync(this HttpClient client, string name, string password = Password)
    {
        var response = await client.SignInAsync(name, password);
        return CookieOf(response) ?? throw new InvalidOperationException($"Signing in as {name} gave {(int)response.StatusCode} and no staff cookie.");
    }

    /// <summary>The staff cookie a response sets (<c>name=value</c>), or null.</summary>
    public static string? CookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith(StaffAccounts.CookieName + "=", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).FirstOrDefault()
            : null;

    /// <summary>GETs <paramref name="path"/> as a browser that holds only <paramref name="cookie"/>:
    /// a copy of a staff cookie replayed from elsewhere.</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(this FaqBotFactory factory, string cookie, string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>Posts the sign-in form as a browser would; the response is the server's answer (302 on success).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string name, string password, string? returnUrl = null)
    {
        var formPath = returnUrl is null ? SignInPath : $"{SignInPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var token = await client.AntiforgeryTokenAsync(formPath);
        var fields = new Dictionary<string, string> { ["Name"] = name, ["Password"] = password, ["__RequestVerificationToken"] = token };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        return await client.PostAsync(SignInPath, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a form of a page with the antiforgery token read from that page (GET first).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pagePath, string postPath, IDictionary<string, string> fields)
    {
        var token = await client.AntiforgeryTokenAsync(pagePath);
        var withToken = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(postPath, new FormUrlEncodedContent(withToken));
    }

    /// <summary>The antiforgery token of the first form on a page (the client keeps the matching cookie).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pagePath)
    {
        var response = await client.GetAsync(pagePath);
        var html = await response.Content.ReadAsStringAsync();
        var match = TokenField().Match(html);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {pagePath} ({(int)response.StatusCode}).");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
