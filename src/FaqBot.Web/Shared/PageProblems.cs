using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace FaqBot.Web.Shared;

/// <summary>Problem details (RFC 9457) from a staff page or page filter: the status, its reason
/// phrase as the title, and a sentence a person can act on.</summary>
public static class PageProblems
{
    public static ObjectResult Problem(int status, string detail) => new(new ProblemDetails
    {
        Status = status,
        Title = ReasonPhrases.GetReasonPhrase(status),
        Detail = detail,
    })
    {
        StatusCode = status,
        ContentTypes = { "application/problem+json" },
    };
}
