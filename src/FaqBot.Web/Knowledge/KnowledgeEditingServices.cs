namespace FaqBot.Web.Knowledge;

public static class KnowledgeEditingServices
{
    /// <summary>The staff side of the knowledge folder: the snippet editor (drafts, approval,
    /// retirement, history) and the try panel's private answerer.</summary>
    public static IServiceCollection AddKnowledgeEditing(this IServiceCollection services)
    {
        services.AddSingleton<SnippetEditor>();
        services.AddSingleton<DraftTrial>();
        return services;
    }
}
