using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Safety;

/// <summary>What <c>faqbot lint</c> reports for broken safety rules.</summary>
public sealed class SafetyRuleLoaderTests
{
    [Theory]
    [InlineData("      - suicid*", "      - (suicid*", "patterns[0]", "bad pattern")]
    [InlineData("    category: urgent\n    description: Suicidal", "    category: emergency\n    description: Suicidal", "category", "unknown category 'emergency'")]
    [InlineData("      - kill* {self}", "      - kill* {myself}", "patterns[1]", "unknown or empty list '{myself}'")]
    [InlineData("  - id: urgent.self-harm", "  - id: urgent.suicide", "id", "duplicate rule id 'urgent.suicide'")]
    [InlineData("    reply: urgent-overdose", "    reply: urgent-poison", "urgent.overdose", "reply 'urgent-poison' is not in replies/")]
    public void A_broken_rule_is_an_error_naming_file_and_field_and_nothing_is_served(string oldText, string newText, string field, string message)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("safety/urgent.yaml", oldText, newText);

        var result = folder.Load();

        Assert.Null(result.Knowledge);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.File == "knowledge/safety/urgent.yaml"
            && d.Field.EndsWith(field, StringComparison.Ordinal) && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_safety_rules_mean_the_folder_cannot_be_served()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        Directory.Delete(Path.Combine(folder.Path, "safety"), recursive: true);

        var result = folder.Load();

        Assert.Null(result.Knowledge);
        Assert.Contains(result.Diagnostics, d => d.File == "knowledge/safety" && d.Message == "the folder is missing");
    }
}
