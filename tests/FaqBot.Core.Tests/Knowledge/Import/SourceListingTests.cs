using FaqBot.Core.Knowledge.Import;
using FaqBot.Core.Tests.Knowledge.Lint;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Import;

public sealed class SourceListingTests
{
    [Fact]
    public void The_shipped_sources_are_listed_with_the_snippets_that_quote_them()
    {
        var rows = SourceListing.List(KnowledgeFolder.Shipped, Linting.Today);

        Assert.Equal(KnowledgeFolder.Shipped.Sources.Keys.Order(StringComparer.Ordinal), rows.Select(r => r.Id));
        var benefits = Assert.Single(rows, r => r.Id == "benefits-and-risks");
        var quoting = KnowledgeFolder.Shipped.Snippets.Count(s => s.AllSources.Any(r => r.DocumentId == "benefits-and-risks"));
        Assert.True(quoting > 0);
        Assert.Equal(quoting, benefits.Served);
        Assert.Equal(0, benefits.Drafts);
        Assert.Equal(KnowledgeFolder.Shipped.Sources["benefits-and-risks"].Text.Length, benefits.TextLength);
        Assert.Equal(new DateOnly(2026, 11, 23), benefits.Received);
        Assert.Equal(rows.Sum(r => r.Served), KnowledgeFolder.Shipped.Snippets.Sum(s => s.AllSources.Select(r => r.DocumentId).Distinct().Count()));
    }

    [Fact]
    public async Task A_new_source_is_listed_with_its_served_and_draft_snippets_counted_apart()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var source = await Importing.Importer(folder).ImportTextAsync("Parking\n\nPark behind the building on Elm Street.",
            new SourceDetails("City Clinic", "Parking at the clinic"));
        folder.Write("snippets/parking.md", SnippetText.Of("parking", "Parking", ["Where can I park?"], "Park behind the building.",
            document: source.Id, quote: "Park behind the building"));
        folder.Write("snippets/parking-street.md", SnippetText.Of("parking-street", "Street parking", ["Is there street parking?"], "Park on Elm Street.",
            status: "draft", document: source.Id, quote: "on Elm Street"));
        folder.Write("snippets/parking.draft.md", SnippetText.Of("parking", "Parking", ["Where can I park?"], "Park behind the building, please.",
            status: "draft", document: source.Id, quote: "Park behind the building", version: 4));
        folder.Write("snippets/parking-old.md", SnippetText.Of("parking-old", "Old parking", ["Where was parking?"], "Gone.",
            status: "retired", document: source.Id, quote: "Parking"));

        var rows = SourceListing.List(folder.Load(Linting.Today).Knowledge!, Linting.Today);

        var row = Assert.Single(rows, r => r.Id == source.Id);
        Assert.Equal(new SourceSummary("parking-at-the-clinic", "Parking at the clinic", "City Clinic", Linting.Today, "Parking\n\nPark behind the building on Elm Street.".Length, 1, 2), row);
    }
}
