namespace FaqBot.Web.Knowledge;

/// <summary>The addresses of the knowledge pages.</summary>
public static class KnowledgeRoutes
{
    public const string List = "/knowledge";
    public const string Try = "/knowledge/try";
    public const string Lint = "/knowledge/lint";

    public static string Snippet(string id) => $"/knowledge/snippets/{Uri.EscapeDataString(id)}";

    /// <summary>The editor for <paramref name="id"/>, or for a new snippet when it is null.</summary>
    public static string Edit(string? id) => id is null ? "/knowledge/edit" : $"/knowledge/edit/{Uri.EscapeDataString(id)}";

    public static string History(string id) => Snippet(id) + "/history";
}
