using System.Threading.RateLimiting;
using FaqBot.Storage.Accounts;
using FaqBot.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Accounts;

public static class StaffAccounts
{
    /// <summary>The rate limiting policy of the sign-in form (posts only).</summary>
    public const string SignInRateLimit = "signin";

    public const string CookieName = "faqbot.staff";

    /// <summary>How long a staff session lasts without a request: the cookie slides over it, and
    /// the server's record of the session (<see cref="StaffSessions"/>) with it.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>Accounts and the audit log (storage), cookie sign-in for the staff pages, the
    /// authorization policies (<see cref="Policies"/>) and the sign-in rate limit. The cookie is the
    /// default scheme; the Bot Connector's JwtBearer scheme still authenticates only /api/messages.</summary>
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAccounts(configuration);
        services.AddOptions<SignInLimitOptions>().Bind(configuration.GetSection(SignInLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddScoped<StaffCookieEvents>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            {
                cookie.Cookie.Name = CookieName;
                StrictCookie(cookie.Cookie);
                cookie.ExpireTimeSpan = SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = StaffRoutes.SignIn;
                cookie.LogoutPath = StaffRoutes.SignOut;
                cookie.ReturnUrlParameter = StaffRoutes.ReturnUrlParameter;
                cookie.EventsType = typeof(StaffCookieEvents);
            });
        Policies.Add(services.AddAuthorizationBuilder());

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "faqbot.antiforgery";
            StrictCookie(antiforgery.Cookie);
            antiforgery.SuppressXFrameOptionsHeader = true; // SecurityHeaders sends DENY on every response
        });
        services.Configure<CookieTempDataProviderOptions>(tempData =>
        {
            tempData.Cookie.Name = "faqbot.notice";
            StrictCookie(tempData.Cookie);
        });

        services.AddRateLimiter(limiter => limiter.AddPolicy(SignInRateLimit, http => HttpMethods.IsPost(http.Request.Method)
            ? RequestLimits.PerMinute(http, SignInClient.Key(http),
                http.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value.SignInsPerMinute)
            : RateLimitPartition.GetNoLimiter("pages")));
        return services;
    }

    /// <summary>HttpOnly, SameSite=Strict, Secure whenever the request came over HTTPS.</summary>
    private static void StrictCookie(CookieBuilder cookie)
    {
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.IsEssential = true;
    }
}
