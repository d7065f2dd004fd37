using System.IO.Compression;
using FaqBot.Core.Knowledge.Import;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Import;

/// <summary>Every document the importer refuses: the reason, a message a staff member can act on,
/// and nothing written to <c>sources/</c> (not even a temporary file).</summary>
public sealed class ImportRefusalTests
{
    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var importer = Importing.Importer(folder, new SourceImportOptions { MaxUploadBytes = 1024 * 1024 });
        var text = Documents.Utf8(new string('a', 2 * 1024 * 1024));

        var error = await RefusedAsync(folder, SourceImportFailure.TooLarge, () => importer.ImportFileAsync("big.txt", new MemoryStream(text), Details()));

        Assert.Equal("big.txt is too large to import (2 MB; the limit is 1 MB). Import the part the answers need, or paste its text instead.", error.Message);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_without_reading_past_the_limit_when_its_length_is_unknown()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var importer = Importing.Importer(folder, new SourceImportOptions { MaxUploadBytes = 1000 });
        var stream = new UnknownLengthStream(new byte[5000]);

        var error = await RefusedAsync(folder, SourceImportFailure.TooLarge, () => importer.ImportFileAsync("big.txt", stream, Details()));

        Assert.StartsWith("big.txt is too large to import (the limit is 1 KB)", error.Message, StringComparison.Ordinal);
        Assert.True(stream.BytesRead <= 1000 + 81_920, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public async Task Pasted_text_over_the_size_limit_is_refused()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var importer = Importing.Importer(folder, new SourceImportOptions { MaxUploadBytes = 100 });

        var error = await RefusedAsync(folder, SourceImportFailure.TooLarge, () => importer.ImportTextAsync(new string('é', 51), Details()));

        Assert.StartsWith("The pasted text is too large to import", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deep.html")]
    [InlineData("deep.md")]
    [InlineData("deep-lists.md")]
    [InlineData("deep-emphasis.md")]
    public async Task A_document_nested_deeper_than_any_page_is_refused_without_exhausting_the_stack(string name)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        const int Levels = 20_000;
        var text = name switch
        {
            "deep.html" => "<html><body>" + string.Concat(Enumerable.Repeat("<div>", Levels)) + "Parking is free." + "</body></html>",
            "deep.md" => new string('>', 300) + " Parking is free.\n",
            "deep-lists.md" => string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', 2 * i) + "- item\n")),
            _ => new string('*', Levels) + "Parking is free." + new string('*', Levels) + "\n",
        };

        var error = await RefusedAsync(folder, SourceImportFailure.Unreadable, () => Importing.FileAsync(folder, name, Documents.Utf8(text)));

        Assert.StartsWith("This document nests its elements deeper than any readable page does", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.rtf")]
    [InlineData("scan.jpg")]
    [InlineData("README")]
    [InlineData("old.doc")]
    public async Task A_file_of_an_unsupported_kind_is_refused_naming_the_supported_ones(string name)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var error = await RefusedAsync(folder, SourceImportFailure.UnsupportedFormat, () => Importing.FileAsync(folder, name, Documents.Utf8("Some text.")));

        Assert.Equal($"{name} cannot be imported: only these kinds of file can: .pdf, .docx, .html, .htm, .md, .markdown, .txt. Save it as one of them, or paste its text instead.", error.Message);
    }

    [Fact]
    public async Task A_pdf_without_a_text_layer_is_refused_as_a_likely_scan()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var error = await RefusedAsync(folder, SourceImportFailure.NoTextInPdf, () => Importing.FileAsync(folder, "scan.pdf", Documents.PdfWithoutText()));

        Assert.Equal("No text found in this PDF: is it a scan? Paste the text instead.", error.Message);
    }

    [Fact]
    public async Task A_document_whose_text_is_already_a_source_is_refused_naming_that_source()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var shipped = KnowledgeFolder.Shipped.Sources["benefits-and-risks"];

        // The same text with other line endings and trailing blank lines is the same document.
        var error = await RefusedAsync(folder, SourceImportFailure.AlreadyImported,
            () => Importing.FileAsync(folder, "copy.txt", Documents.Utf8(shipped.Text.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n")));

        Assert.Equal($"This text is already the source 'benefits-and-risks' (\"{shipped.Title}\"): snippets can quote that one.", error.Message);
    }

    [Fact]
    public async Task A_document_imported_once_already_in_another_format_is_refused_naming_its_id()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var first = await Importing.FileAsync(folder, "parking.md", Documents.Utf8("# Parking\n\nPark behind the building."));

        var error = await RefusedAsync(folder, SourceImportFailure.AlreadyImported,
            () => Importing.FileAsync(folder, "parking.html", Documents.Utf8("<h1>Parking</h1><p>Park behind the building.</p>")));

        Assert.Equal("parking", first.Id);
        Assert.Contains("already the source 'parking'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n  ")]
    public async Task An_empty_paste_is_refused(string text)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var error = await RefusedAsync(folder, SourceImportFailure.EmptyText, () => Importing.Importer(folder).ImportTextAsync(text, Details()));

        Assert.Equal("Nothing was pasted: the text is empty.", error.Message);
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("blank.txt", "\uFEFF \r\n\t\n")]
    [InlineData("scripts.html", "<html><head><title>Only a script</title></head><body><script>alert('hi')</script><nav>Menu</nav></body></html>")]
    [InlineData("rule.md", "---\ntitle: nothing\n---\n\n***\n")]
    public async Task A_document_whose_text_is_empty_is_refused(string name, string content)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var error = await RefusedAsync(folder, SourceImportFailure.EmptyText, () => Importing.FileAsync(folder, name, Documents.Utf8(content)));

        Assert.Equal($"No text found in {name}: there is nothing in it to quote.", error.Message);
    }

    [Fact]
    public async Task A_word_document_without_text_is_refused()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var docx = Documents.Docx(null, [" "], []);

        var error = await RefusedAsync(folder, SourceImportFailure.EmptyText, () => Importing.FileAsync(folder, "blank.docx", RemoveText(docx)));

        Assert.Equal("No text found in blank.docx: there is nothing in it to quote.", error.Message);
    }

    [Theory]
    [InlineData("damaged.pdf", "PDF")]
    [InlineData("damaged.docx", "Word")]
    public async Task A_damaged_file_is_refused_as_unreadable(string name, string kind)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var good = name.EndsWith(".pdf", StringComparison.Ordinal)
            ? Documents.Pdf(null, ["Some text on a page."])
            : Documents.Docx(null, ["Some text."], []);
        var damaged = good[..(good.Length / 3)];

        var error = await RefusedAsync(folder, SourceImportFailure.Unreadable, () => Importing.FileAsync(folder, name, damaged));

        Assert.Equal($"{name} could not be read: it is damaged, protected by a password, or not really a {kind} file. Open it and save it again, or paste its text instead.", error.Message);
        Assert.NotNull(error.InnerException);
    }

    [Theory]
    [InlineData("text.pdf")]
    [InlineData("text.docx")]
    public async Task A_file_that_is_not_of_its_kind_at_all_is_refused_as_unreadable(string name)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var error = await RefusedAsync(folder, SourceImportFailure.Unreadable, () => Importing.FileAsync(folder, name, Documents.Utf8("Just some words, not a document.")));

        Assert.StartsWith($"{name} could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_that_is_not_a_word_document_is_refused_as_unreadable()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(archive.CreateEntry("notes.txt").Open());
            entry.Write("Not a Word document.");
        }

        var error = await RefusedAsync(folder, SourceImportFailure.Unreadable, () => Importing.FileAsync(folder, "notes.docx", zip.ToArray()));

        Assert.StartsWith("notes.docx could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_file_named_txt_is_refused()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var error = await RefusedAsync(folder, SourceImportFailure.NotText, () => Importing.FileAsync(folder, "photo.txt", Documents.Binary()));

        Assert.StartsWith("This file is not plain text (it is not UTF-8 text): it looks like a binary file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_utf8_with_nul_characters_is_refused_as_binary()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var error = await RefusedAsync(folder, SourceImportFailure.NotText, () => Importing.FileAsync(folder, "data.txt", Documents.Utf8("Looks like text\0\0\u0001\u0002 but is not")));

        Assert.StartsWith("This file is not plain text (it holds control characters that text does not have)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_that_takes_longer_than_the_limit_is_stopped_and_the_caller_answered()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        using var release = new ManualResetEventSlim();
        SourceFormat stuck = new("slow", [".slow"], _ =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return new ExtractedText("Text that came too late.");
        });
        var importer = new SourceImporter(folder.Path, new SourceImportOptions { ExtractionTimeoutMilliseconds = 200 }, TimeProvider.System, [stuck]);
        var started = TimeProvider.System.GetTimestamp();

        try
        {
            var error = await RefusedAsync(folder, SourceImportFailure.TimedOut,
                () => importer.ImportFileAsync("big.slow", Documents.Utf8("x"), Details()).WaitAsync(TimeSpan.FromSeconds(10)));

            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
            Assert.Equal("Reading big.slow took longer than 0.2 seconds, so it was stopped: the file may be damaged or very complex. Paste the text instead.", error.Message);
        }
        finally
        {
            release.Set();
        }

        await Task.Delay(100);
        Assert.DoesNotContain("too-late", string.Concat(Importing.SourceFiles(folder)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("ab")]
    [InlineData("Upper-Case")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("with space")]
    [InlineData("../escape")]
    [InlineData("dots.in.id")]
    public async Task An_id_that_is_not_a_valid_source_id_is_refused(string id)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var error = await RefusedAsync(folder, SourceImportFailure.InvalidId, () => Importing.FileAsync(folder, "a.txt", Documents.Utf8("Text."), id: id));

        Assert.Equal($"'{id}' cannot be a source id: use 3 to 64 lower-case letters, digits and hyphens, starting and ending with a letter or digit.", error.Message);
    }

    [Fact]
    public async Task An_id_of_65_characters_is_refused_and_one_of_64_accepted()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        await RefusedAsync(folder, SourceImportFailure.InvalidId, () => Importing.FileAsync(folder, "a.txt", Documents.Utf8("Text."), id: new string('a', 65)));
        var source = await Importing.FileAsync(folder, "a.txt", Documents.Utf8("Text."), id: new string('a', 64));

        Assert.Equal(new string('a', 64), Importing.Loaded(folder, source.Id).Id);
    }

    [Fact]
    public async Task An_id_already_taken_is_refused_naming_it()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var error = await RefusedAsync(folder, SourceImportFailure.IdTaken, () => Importing.FileAsync(folder, "new.txt", Documents.Utf8("A new document."), id: "benefits-and-risks"));

        Assert.Equal("The source id 'benefits-and-risks' is already taken (knowledge/sources/benefits-and-risks.txt): choose another id.", error.Message);
    }

    [Fact]
    public async Task An_id_taken_by_a_source_file_that_does_not_load_is_still_taken()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Write("sources/broken.txt", "no header at all");

        var error = await RefusedAsync(folder, SourceImportFailure.IdTaken, () => Importing.FileAsync(folder, "new.txt", Documents.Utf8("A new document."), id: "broken"));

        Assert.Contains("'broken' is already taken", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u0001\u0002")]
    [InlineData(null)]
    public async Task A_missing_publisher_is_refused(string? publisher)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var error = await RefusedAsync(folder, SourceImportFailure.MissingPublisher,
            () => Importing.Importer(folder).ImportFileAsync("a.txt", Documents.Utf8("Text."), new SourceDetails(publisher)));

        Assert.Equal("Say who published the document: a publisher is required.", error.Message);
    }

    [Theory]
    [InlineData("www.example.org/leaflet")]
    [InlineData("ftp://example.org/leaflet.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://localhost/page")]
    public async Task A_url_that_is_not_a_web_address_is_refused(string url)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var error = await RefusedAsync(folder, SourceImportFailure.InvalidUrl,
            () => Importing.Importer(folder).ImportTextAsync("Text.", new SourceDetails(Importing.Publisher, Url: url)));

        Assert.StartsWith($"'{url}' is not a web address", error.Message, StringComparison.Ordinal);
    }

    private static SourceDetails Details() => new(Importing.Publisher);

    /// <summary>Runs the import, asserts its reason, and that <c>sources/</c> is as it was.</summary>
    private static async Task<SourceImportException> RefusedAsync(KnowledgeFolder folder, SourceImportFailure reason, Func<Task> import)
    {
        var before = Importing.SourceFiles(folder);

        var error = await Assert.ThrowsAsync<SourceImportException>(import);

        Assert.Equal(reason, error.Reason);
        Assert.Equal(before, Importing.SourceFiles(folder));
        return error;
    }

    /// <summary>The Word document with every run of text removed.</summary>
    private static byte[] RemoveText(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, isEditable: true))
        {
            foreach (var text in document.MainDocumentPart!.Document!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().ToList())
            {
                text.Remove();
            }
        }

        return stream.ToArray();
    }

    /// <summary>A stream that cannot tell its length (an upload read as it arrives), counting what is read.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public int BytesRead { get; private set; }

        public override bool CanSeek => false;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }
    }
}
