using FaqBot.Cli.Tests.Support;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using PageSize = UglyToad.PdfPig.Content.PageSize;

namespace FaqBot.Cli.Tests.Sources;

/// <summary><c>faqbot sources add</c> and <c>faqbot sources list</c> run as processes over a copy of
/// the shipped knowledge, with the repository's appsettings.json (Clinic:Name is the default publisher).</summary>
[Collection(CliProcessGroup.Name)]
public sealed class SourcesProcessTests
{
    private const string ClinicName = "Balanced Ketamine (sample clinic)";

    [Fact]
    public async Task Add_prints_the_new_id_and_the_source_loads_with_the_clinic_as_publisher()
    {
        using var knowledge = new TempKnowledge();
        var file = Write(knowledge, "Parking Leaflet.md", "# Parking at the clinic\n\nFree parking is available behind the building.\n\n- Bus 12 stops outside.\n");

        var result = await CliProcess.RunAsync(null, "sources", "add", file, "--knowledge", knowledge.Folder);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["parking-at-the-clinic"], result.OutputLines);
        Assert.Equal("", result.StandardError);
        var source = Loaded(knowledge, "parking-at-the-clinic");
        Assert.Equal(("Parking at the clinic", ClinicName), (source.Title, source.Publisher));
        Assert.Equal("Parking at the clinic\n\nFree parking is available behind the building.\n\nBus 12 stops outside.", source.Text);
        Assert.Contains("\noriginalFile: \"Parking Leaflet.md\"\n", File.ReadAllText(SourcePath(knowledge, "parking-at-the-clinic")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_takes_the_title_id_publisher_and_url_given()
    {
        using var knowledge = new TempKnowledge();
        var file = Write(knowledge, "notes.txt", "Opening hours are nine to five on weekdays.");

        var result = await CliProcess.RunAsync(null, "sources", "add", file, "--knowledge", knowledge.Folder,
            "--title", "Opening hours: \"summer\" #2", "--id", "opening-hours", "--publisher", "City Health Trust", "--url", "https://example.org/hours");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["opening-hours"], result.OutputLines);
        var source = Loaded(knowledge, "opening-hours");
        Assert.Equal(("Opening hours: \"summer\" #2", "City Health Trust", "https://example.org/hours"), (source.Title, source.Publisher, source.Url));
    }

    [Fact]
    public async Task A_scanned_pdf_exits_1_with_the_reason_on_standard_error_and_nothing_written()
    {
        using var knowledge = new TempKnowledge();
        var file = Path.Combine(knowledge.Scratch, "scan.pdf");
        File.WriteAllBytes(file, ScannedPdf());
        var before = Directory.GetFiles(Path.Combine(knowledge.Folder, "sources")).Order(StringComparer.Ordinal).ToList();

        var result = await CliProcess.RunAsync(null, "sources", "add", file, "--knowledge", knowledge.Folder);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal("", result.StandardOutput);
        Assert.Equal("No text found in this PDF: is it a scan? Paste the text instead.", result.StandardError.Trim());
        Assert.Equal(before, Directory.GetFiles(Path.Combine(knowledge.Folder, "sources")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_binary_file_named_txt_exits_1_with_the_reason_on_standard_error()
    {
        using var knowledge = new TempKnowledge();
        var file = Path.Combine(knowledge.Scratch, "photo.txt");
        File.WriteAllBytes(file, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0xFF, 0xFE]);

        var result = await CliProcess.RunAsync(null, "sources", "add", file, "--knowledge", knowledge.Folder);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith("This file is not plain text", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal); // no stack trace
        Assert.False(File.Exists(SourcePath(knowledge, "photo")));
    }

    [Fact]
    public async Task An_invalid_id_and_a_missing_file_are_usage_errors()
    {
        using var knowledge = new TempKnowledge();
        var file = Write(knowledge, "notes.txt", "Some text.");
        var missing = Path.Combine(knowledge.Scratch, "no-such-file.pdf");

        var badId = await CliProcess.RunAsync(null, "sources", "add", file, "--id", "Not An Id", "--knowledge", knowledge.Folder);
        var noFile = await CliProcess.RunAsync(null, "sources", "add", missing, "--knowledge", knowledge.Folder);

        Assert.True(badId.ExitCode == 2, badId.ToString());
        Assert.StartsWith("'Not An Id' cannot be a source id", badId.StandardError, StringComparison.Ordinal);
        Assert.True(noFile.ExitCode == 2, noFile.ToString());
        Assert.Contains(missing, noFile.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(SourcePath(knowledge, "notes")));
    }

    [Fact]
    public async Task List_shows_every_source_with_the_new_one_and_the_snippets_quoting_it()
    {
        using var knowledge = new TempKnowledge();
        const string text = "Parking\n\nFree parking is available behind the building.";
        var file = Write(knowledge, "parking.txt", text);
        var added = await CliProcess.RunAsync(null, "sources", "add", file, "--knowledge", knowledge.Folder);
        Assert.True(added.ExitCode == 0, added.ToString());

        var result = await CliProcess.RunAsync(null, "sources", "list", "--knowledge", knowledge.Folder);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("id\ttitle\tpublisher\treceived\tcharacters\tserved\tdrafts", result.OutputLines[0]);
        Assert.Equal(7, result.OutputLines.Length); // the five shipped sources and the new one
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"parking\tparking\t{ClinicName}\t{today}\t{text.Length}\t0\t0", result.OutputLines);
        var benefits = Assert.Single(result.OutputLines, l => l.StartsWith("benefits-and-risks\t", StringComparison.Ordinal)).Split('\t');
        Assert.Equal("Benefits and Risks of Ketamine Infusion Therapy", benefits[1]);
        Assert.True(int.Parse(benefits[5], System.Globalization.CultureInfo.InvariantCulture) > 0, "snippets quoting benefits-and-risks");
    }

    private static string Write(TempKnowledge knowledge, string name, string text)
    {
        var path = Path.Combine(knowledge.Scratch, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string SourcePath(TempKnowledge knowledge, string id) => Path.Combine(knowledge.Folder, "sources", id + ".txt");

    /// <summary>The source as the knowledge loader reads it, with no problem reported about its file.</summary>
    private static SourceDocument Loaded(TempKnowledge knowledge, string id)
    {
        var clinic = new ClinicOptions { Name = ClinicName, Phone = "555-0100" };
        var load = KnowledgeLoader.Load(knowledge.Folder, clinic, DateOnly.FromDateTime(DateTime.Now));
        Assert.DoesNotContain(load.Diagnostics, d => d.File.EndsWith($"sources/{id}.txt", StringComparison.Ordinal));
        return Assert.Contains(id, load.Knowledge!.Sources);
    }

    /// <summary>A PDF whose one page holds a filled rectangle and no text.</summary>
    private static byte[] ScannedPdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).DrawRectangle(new PdfPoint(40, 40), 500, 700, 1, fill: true);
        return builder.Build();
    }
}
