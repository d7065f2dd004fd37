using FaqBot.Web.Tests.TestSupport;

namespace FaqBot.Web.Tests.Security;

/// <summary>Every kind of response carries the security headers: the chat page and its files, a
/// staff page, a redirect, an API answer, an error.</summary>
public sealed class SecurityHeadersTests(SecurityHeadersTests.Host host) : IClassFixture<SecurityHeadersTests.Host>
{
    public sealed class Host : IDisposable
    {
        public FaqBotFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    public static TheoryData<string, string> Responses => new()
    {
        { "GET", "/" },
        { "GET", "/chat.js" },
        { "GET", "/lib/webchat.js" },
        { "GET", "/account/signin" },
        { "GET", "/admin/users" },
        { "POST", "/api/chat-token" },
        { "GET", "/health" },
        { "POST", "/v3/directline/conversations" },
        { "POST", "/api/messages" },
        { "GET", "/no-such-page" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task The_response_carries_the_content_security_policy_and_the_other_security_headers(string method, string path)
    {
        var client = host.Factory.CreateBrowserLikeClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new StringContent("{") : null });

        var csp = Header(response, "Content-Security-Policy");
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; img-src 'self' data: blob:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
            csp);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task The_chat_page_and_its_script_have_no_inline_script_or_handlers()
    {
        var client = host.Factory.CreateBrowserLikeClient();

        var page = await client.GetStringAsync("/");

        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", page);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", page);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage!.RequestUri} has no {name} header");
}
