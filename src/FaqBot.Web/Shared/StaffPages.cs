namespace FaqBot.Web.Shared;

public static class StaffPages
{
    /// <summary>Razor Pages for the staff side, kept in feature folders (<c>Accounts/Pages/SignIn.cshtml</c>):
    /// the project folder is the pages root and every page names its own address with an absolute
    /// route (<c>@page "/account/signin"</c>). Layout: <c>Shared/_Layout.cshtml</c>; styles: <c>wwwroot/staff.css</c>.
    /// A request no handler of a page answers is refused (<see cref="UnmatchedHandlers"/>).</summary>
    public static IServiceCollection AddStaffPages(this IServiceCollection services)
    {
        services.AddRazorPages(pages => pages.RootDirectory = "/")
            .AddMvcOptions(mvc => mvc.Filters.Add<UnmatchedHandlers>());
        return services;
    }
}
