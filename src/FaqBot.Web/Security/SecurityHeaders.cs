namespace FaqBot.Web.Security;

/// <summary>Headers every response carries, pages, files and API answers alike. They are set just
/// before the response starts, so error responses (the exception handler clears headers) have them too.</summary>
public static class SecurityHeaders
{
    /// <summary>The SHA-256 of the empty string. Web Chat's styling library (emotion, in its
    /// production "speedy" mode) adds <em>empty</em> <c>&lt;style&gt;</c> elements and fills them
    /// through the CSSOM (<c>insertRule</c>), which CSP does not govern; allowing this one hash lets
    /// those empty elements in while any <c>&lt;style&gt;</c> with content, and every inline
    /// <c>style</c> attribute, stays blocked.</summary>
    public const string EmptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    /// <summary>Scripts only from this site's files (no inline script, no eval); styles from its
    /// files plus Web Chat's empty style elements; images from this site plus the <c>data:</c> and
    /// <c>blob:</c> URLs Web Chat makes for its icons; calls (Direct Line polling) and fonts only to
    /// and from this site; no plugins, no foreign base URL, no framing, forms post only here.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' " + EmptyStyleHash + "; img-src 'self' data: blob:; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
