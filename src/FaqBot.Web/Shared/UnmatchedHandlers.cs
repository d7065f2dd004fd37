using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FaqBot.Web.Shared;

/// <summary>A request that none of a page's handlers answers is refused before the page renders
/// without its data: a method the page has no handler for gets 405 with <c>Allow</c>, and a handler
/// name the page does not have (or none, where it only has named ones) gets 400 naming those it has.
/// A GET with no handler still renders, as a page without <c>OnGet</c> does.</summary>
internal sealed class UnmatchedHandlers : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && Refusal(context) is { } refusal)
        {
            context.Result = refusal;
            return;
        }

        await next();
    }

    private static ObjectResult? Refusal(PageHandlerExecutingContext context)
    {
        var request = context.HttpContext.Request;
        var handlers = context.ActionDescriptor.HandlerMethods;
        var method = HttpMethods.IsHead(request.Method) ? HttpMethods.Get : request.Method;
        var named = handlers.Where(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count > 0)
        {
            var asked = Convert.ToString(context.RouteData.Values["handler"], System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 } routed
                ? routed
                : request.Query["handler"].ToString();
            var names = string.Join(", ", named.Select(h => h.Name is { Length: > 0 } name ? $"'{name}'" : "the page itself"));
            return PageProblems.Problem(StatusCodes.Status400BadRequest,
                $"{request.Path} has no {request.Method} action {(asked.Length > 0 ? $"'{asked}'" : "without a name")}; its {request.Method} actions are {names}.");
        }

        if (HttpMethods.IsGet(method))
        {
            return null;
        }

        var allowed = handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Prepend("HEAD").Prepend("GET").Distinct(StringComparer.Ordinal).ToList();
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        return PageProblems.Problem(StatusCodes.Status405MethodNotAllowed,
            $"{request.Path} does not accept {request.Method}; it accepts {string.Join(", ", allowed)}.");
    }
}
