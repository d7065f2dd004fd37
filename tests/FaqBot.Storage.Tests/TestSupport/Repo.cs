using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;

namespace FaqBot.Storage.Tests.TestSupport;

/// <summary>The repository the tests run from and its shipped knowledge.</summary>
internal static class Repo
{
    private static readonly Lazy<KnowledgeBase> ShippedKnowledge = new(LoadKnowledge);

    public static string Root { get; } = FindRoot();

    /// <summary>The shipped knowledge folder: its vocabulary and approved snippets.</summary>
    public static KnowledgeBase Knowledge => ShippedKnowledge.Value;

    private static KnowledgeBase LoadKnowledge()
    {
        var clinic = new ClinicOptions { Name = "Test Clinic", Phone = "555-0100" };
        var result = KnowledgeLoader.Load(Path.Combine(Root, "knowledge"), clinic, new DateOnly(2026, 3, 1));
        return result.Knowledge
            ?? throw new InvalidOperationException("The shipped knowledge does not load: " + string.Join("; ", result.Diagnostics));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FaqBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FaqBot.sln not found above " + AppContext.BaseDirectory);
    }
}
