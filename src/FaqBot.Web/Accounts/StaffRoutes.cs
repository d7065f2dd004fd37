namespace FaqBot.Web.Accounts;

/// <summary>The addresses of the account pages and of the pages the navigation links to.</summary>
public static class StaffRoutes
{
    public const string SignIn = "/account/signin";
    public const string SignOut = "/account/signout";
    public const string Home = "/account";
    public const string Users = "/admin/users";
    public const string Audit = "/admin/audit";

    /// <summary>Pages other features serve; the layout links to them for the roles that may open them.</summary>
    public const string Review = "/review";
    public const string Handoffs = "/handoffs";
    public const string Unanswered = "/unanswered";
    public const string Knowledge = "/knowledge";

    public const string ReturnUrlParameter = "returnUrl";
}
