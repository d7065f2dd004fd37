using FaqBot.Core.Generation;
using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Tests.Generation;

/// <summary>The text a patient reads for a generated answer: markers renumbered as the citation list.</summary>
public sealed class GeneratedTextTests
{
    private static readonly Snippet GettingHome = Shipped.Snippet("getting-home");
    private static readonly Snippet InfusionLength = Shipped.Snippet("infusion-length");

    [Fact]
    public void Markers_are_renumbered_in_order_of_first_citation()
    {
        var (text, citations) = GeneratedText.Compose(Shipped.Knowledge, [GettingHome, InfusionLength],
        [
            new GeneratedSentence("We will confirm how long your infusion will be at your consultation.", [2]),
            new GeneratedSentence("Please plan for someone else to drive you home.", [1]),
        ]);

        var lengthSources = InfusionLength.AllSources.Select(s => s.DocumentId).Distinct().Count();
        Assert.Equal(
            $"We will confirm how long your infusion will be at your consultation [1]. Please plan for someone else to drive you home [{lengthSources + 1}].",
            text);
        Assert.Equal("infusion-length", citations[0].SnippetId);
        Assert.Equal("getting-home", citations[lengthSources].SnippetId);
        Assert.Equal(lengthSources + GettingHome.AllSources.Select(s => s.DocumentId).Distinct().Count(), citations.Count);
    }

    [Fact]
    public void A_snippet_not_cited_is_not_listed()
    {
        var (text, citations) = GeneratedText.Compose(Shipped.Knowledge, [GettingHome, InfusionLength],
            [new GeneratedSentence("Please plan for someone else to drive you home.", [1])]);

        Assert.Equal("Please plan for someone else to drive you home [1].", text);
        Assert.All(citations, c => Assert.Equal("getting-home", c.SnippetId));
    }

    [Fact]
    public void A_sentence_citing_two_snippets_keeps_both_markers_before_its_stop()
    {
        var (text, _) = GeneratedText.Compose(Shipped.Knowledge, [GettingHome, InfusionLength],
            [new GeneratedSentence("Plan for a lift home and allow extra time?", [1, 2])]);

        var second = GettingHome.AllSources.Select(s => s.DocumentId).Distinct().Count() + 1;
        Assert.Equal($"Plan for a lift home and allow extra time [1] [{second}]?", text);
    }
}
