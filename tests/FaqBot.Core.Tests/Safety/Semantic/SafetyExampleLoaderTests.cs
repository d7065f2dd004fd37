using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Safety.Semantic;

/// <summary>What <c>faqbot lint</c> reports for broken safety examples, and that the shipped ones load.</summary>
public sealed class SafetyExampleLoaderTests
{
    [Fact]
    public void The_shipped_examples_load_with_every_label()
    {
        var examples = KnowledgeFolder.Shipped.SafetyExamples.All;

        Assert.True(examples.Count > 100);
        Assert.Contains(examples, e => e.Category == FaqBot.Core.Safety.SafetyCategory.Urgent);
        Assert.Contains(examples, e => e.Category == FaqBot.Core.Safety.SafetyCategory.Dosing);
        Assert.Contains(examples, e => e.Category == FaqBot.Core.Safety.SafetyCategory.Diagnostic);
        Assert.Contains(examples, e => e.Category is null);
    }

    [Theory]
    [InlineData("category: urgent", "category: emergency", "category", "unknown category 'emergency'")]
    [InlineData("category: urgent", "category: urgent\nexamples_of: 1", "examples_of", "")]
    public void A_broken_example_file_is_an_error_and_nothing_is_served(string oldText, string newText, string field, string message)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("safety/examples/urgent.yaml", oldText, newText);

        var result = folder.Load();

        Assert.Null(result.Knowledge);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.File == "knowledge/safety/examples/urgent.yaml"
            && d.Field.EndsWith(field, StringComparison.Ordinal) && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_id_is_an_error()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var first = FirstId(folder, "urgent.yaml");
        File.AppendAllText(Path.Combine(folder.Path, "safety", "examples", "dosing.yaml"), $"\n  - id: {first}\n    text: a different message entirely about pills\n");

        var result = folder.Load();

        Assert.Null(result.Knowledge);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains($"duplicate example id '{first}'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_words_under_two_labels_are_an_error()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        File.AppendAllText(Path.Combine(folder.Path, "safety", "examples", "urgent.yaml"), "\n  - id: urgent.test.01\n    text: Is there parking near the clinic?\n");
        File.AppendAllText(Path.Combine(folder.Path, "safety", "examples", "harmless.yaml"), "\n  - id: harmless.test.01\n    text: is there parking near the clinic\n");

        var result = folder.Load();

        Assert.Null(result.Knowledge);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Message.Contains("has the same words as", StringComparison.Ordinal) && d.Message.Contains("another label", StringComparison.Ordinal));
    }

    private static string FirstId(KnowledgeFolder folder, string file) =>
        File.ReadLines(Path.Combine(folder.Path, "safety", "examples", file)).First(l => l.TrimStart().StartsWith("- id:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
}
