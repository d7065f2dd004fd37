namespace FaqBot.Web.Shared;

public static class StaffPages
{
    /// <summary>Razor Pages for the staff side, kept in feature folders (<c>Accounts/Pages/SignIn.cshtml</c>):
    /// the project folder is the pages root and every page names its own address with an absolute
    /// route (<c>@page "/account/signin"</c>). Layout: <c>Shared/_Layout.cshtml</c>; styles: <c>wwwroot/staff.css</c>.</summary>
    public static IServiceCollection AddStaffPages(this IServiceCollection services)
    {
        services.AddRazorPages(pages => pages.RootDirectory = "/");
        return services;
    }
}
