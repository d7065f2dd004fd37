using FaqBot.Core.Knowledge;
using FaqBot.Core.Knowledge.Import;
using FaqBot.Core.Knowledge.Lint;
using FaqBot.Core.Tests.Knowledge.Lint;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Core.Tests.Knowledge.Import;

/// <summary>Imports into a copy of the shipped knowledge folder on the lint tests' day, and checks
/// the result the way the bot reads it: loaded by <see cref="KnowledgeLoader"/>, quoted by a snippet
/// that lint passes.</summary>
internal static class Importing
{
    public const string Publisher = "Test Clinic";

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(Linting.Today.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero));

    public static SourceImporter Importer(KnowledgeFolder folder, SourceImportOptions? options = null) =>
        new(folder.Path, options ?? new SourceImportOptions(), Clock());

    public static Task<ImportedSource> FileAsync(KnowledgeFolder folder, string name, byte[] bytes, string? title = null, string? id = null) =>
        Importer(folder).ImportFileAsync(name, new MemoryStream(bytes), new SourceDetails(Publisher, title, id));

    public static string SourcesPath(KnowledgeFolder folder) => Path.Combine(folder.Path, KnowledgeLoader.SourcesFolder);

    /// <summary>The files of <c>sources/</c>, names only (temporary files too), sorted.</summary>
    public static string[] SourceFiles(KnowledgeFolder folder) =>
        [.. Directory.GetFiles(SourcesPath(folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>The source as the knowledge loader reads it, with no diagnostic about its file.</summary>
    public static SourceDocument Loaded(KnowledgeFolder folder, string id)
    {
        var load = folder.Load(Linting.Today);
        Assert.DoesNotContain(load.Diagnostics, d => d.File.EndsWith($"sources/{id}.txt", StringComparison.Ordinal));
        Assert.NotNull(load.Knowledge);
        return Assert.Contains(id, load.Knowledge.Sources);
    }

    /// <summary>Writes a draft snippet quoting <paramref name="quote"/> from the source, then lints
    /// the folder: the snippet must load (its quote found) and lint must find no error at all.</summary>
    public static async Task AssertQuotableAsync(KnowledgeFolder folder, string sourceId, string quote)
    {
        var snippetId = "quotes-" + sourceId;
        folder.Write($"snippets/{snippetId}.md", SnippetText.Of(snippetId, "Imported document test", ["What does the imported leaflet say about parking?"],
            "The leaflet explains where to park when you visit us.", status: "draft", document: sourceId, quote: quote));

        var report = await Linting.LintAsync(folder);

        Assert.False(report.HasErrors, string.Join('\n', report.Lines));
        Assert.Empty(report.Of(LintRules.QuoteNotFound));
        var load = folder.Load(Linting.Today);
        Assert.Contains(load.Knowledge!.Snippets, s => s.Id == snippetId && s.Source.DocumentId == sourceId);
    }
}
