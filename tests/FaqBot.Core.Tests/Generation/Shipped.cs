using FaqBot.Core.Ai;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Generation;

/// <summary>The shipped knowledge and answer prompt, loaded once for the generation tests.</summary>
internal static class Shipped
{
    public static KnowledgeBase Knowledge { get; } =
        KnowledgeLoader.Load(Repo.Knowledge, KnowledgeFolder.Clinic, new DateOnly(2026, 12, 1)).Knowledge
        ?? throw new InvalidOperationException("The shipped knowledge did not load.");

    public static string AnswerPromptPath => Path.Combine(Repo.Root, "prompts", "Answer");

    public static PromptDirectory AnswerPrompt { get; } =
        PromptDirectory.LoadAsync(AnswerPromptPath, CancellationToken.None).GetAwaiter().GetResult();

    public static Snippet Snippet(string id) => Knowledge.Snippets.Single(s => s.Id == id);
}
