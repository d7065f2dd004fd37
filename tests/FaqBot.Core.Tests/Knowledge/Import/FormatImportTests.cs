using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Import;

/// <summary>Each kind of file imported into a copy of the shipped knowledge: the text a reader sees
/// is stored, the source loads with its SHA-256 checked, and a snippet quoting a sentence of the
/// document passes lint.</summary>
public sealed class FormatImportTests
{
    private const string Parking = "Free parking is available behind the building on Elm Street.";

    [Fact]
    public async Task A_pdf_gives_the_text_of_each_page_in_order_with_a_blank_line_between_pages()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var pdf = Documents.Pdf("Visiting the Clinic",
            ["Visiting the clinic", "Please arrive fifteen minutes early."],
            [Parking, "The entrance is on the ground floor."]);

        var source = await Importing.FileAsync(folder, "visiting.pdf", pdf);

        Assert.Equal("visiting-the-clinic", source.Id);
        var loaded = Importing.Loaded(folder, source.Id);
        Assert.Equal("Visiting the Clinic", loaded.Title);
        Assert.Equal(
            "Visiting the clinic\nPlease arrive fifteen minutes early.\n\n" + Parking + "\nThe entrance is on the ground floor.",
            loaded.Text);
        await Importing.AssertQuotableAsync(folder, source.Id, "Free parking is available behind the building");
    }

    [Fact]
    public async Task A_word_document_gives_each_paragraph_on_its_own_line_and_tables_row_by_row()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var docx = Documents.Docx("Opening times",
            ["Opening times", "We are open on weekdays|, from nine to five.", Parking],
            [["Day", "Hours"], ["Monday", "9:00 to 17:00"], ["Saturday", "closed"]]);

        var source = await Importing.FileAsync(folder, "opening-times.docx", docx);

        var loaded = Importing.Loaded(folder, source.Id);
        Assert.Equal("Opening times", loaded.Title);
        Assert.Equal(
            "Opening times\nWe are open on weekdays, from nine to five.\n" + Parking + "\nDay\tHours\nMonday\t9:00 to 17:00\nSaturday\tclosed\nAfter the table.",
            loaded.Text);
        await Importing.AssertQuotableAsync(folder, source.Id, "Monday 9:00 to 17:00");
        await Importing.AssertQuotableAsync(folder, source.Id, "We are open on weekdays, from nine to five.");
    }

    [Fact]
    public async Task An_html_page_keeps_what_a_reader_sees_and_leaves_out_scripts_menus_and_hidden_parts()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        const string html = """
            <!DOCTYPE html>
            <html><head><title>Parking &amp; access</title><style>p { color: red; } .STYLE-TEXT {}</style>
            <script>var secret = "SCRIPT-TEXT";</script></head>
            <body>
            <header><a href="/">HEADER-TEXT</a></header>
            <nav><ul><li>NAV-TEXT</li></ul></nav>
            <main>
              <h1>Getting   here</h1>
              <p>Free parking is available
                 behind the building on <b>Elm</b> Street.</p>
              <ul><li>Bus 12 stops outside.</li><li>The station is a short walk away.</li></ul>
              <p hidden>HIDDEN-TEXT</p><div aria-hidden="true">ARIA-HIDDEN-TEXT</div>
              <noscript>NOSCRIPT-TEXT</noscript><template><p>TEMPLATE-TEXT</p></template>
              <svg><text>SVG-TEXT</text></svg>
              <form><label>FORM-TEXT</label><input value="x"></form>
              <table><tr><th>Day</th><th>Hours</th></tr><tr><td>Monday</td><td>9 to 5</td></tr></table>
              <p>Line one<br>line two</p>
            </main>
            <aside>ASIDE-TEXT</aside>
            <footer>FOOTER-TEXT &copy; 2026</footer>
            <script>document.write("SCRIPT-TEXT-2")</script>
            </body></html>
            """;

        var source = await Importing.FileAsync(folder, "parking.html", Documents.Utf8(html));

        var loaded = Importing.Loaded(folder, source.Id);
        Assert.Equal("Parking & access", loaded.Title);
        Assert.Equal("parking-access", source.Id);
        Assert.Equal(
            "Getting here\n\n" + Parking + "\n\nBus 12 stops outside.\nThe station is a short walk away.\n\nDay\tHours\nMonday\t9 to 5\n\nLine one\nline two",
            loaded.Text);
        foreach (var hidden in new[] { "SCRIPT", "STYLE", "HEADER", "NAV", "HIDDEN", "NOSCRIPT", "TEMPLATE", "SVG", "FORM", "ASIDE", "FOOTER", "color", "secret" })
        {
            Assert.DoesNotContain(hidden, loaded.Text, StringComparison.Ordinal);
        }

        await Importing.AssertQuotableAsync(folder, source.Id, Parking);
    }

    [Fact]
    public async Task An_html_page_without_a_title_is_titled_by_its_first_heading()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();

        var source = await Importing.FileAsync(folder, "page.htm", Documents.Utf8("<body><h2>Intro</h2><h1>Aftercare at home</h1><p>Rest for the day.</p></body>"));

        Assert.Equal("Aftercare at home", Importing.Loaded(folder, source.Id).Title);
        Assert.Equal("aftercare-at-home", source.Id);
    }

    [Fact]
    public async Task Markdown_gives_the_rendered_text_with_no_syntax_left()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        const string markdown = """
            ---
            layout: leaflet
            ---
            # Your *first* visit

            Free parking is available behind the building on **Elm** Street.
            See [our map](https://example.org/map) for directions.

            ## What to bring
            - A photo ID
            - Your list of `medications`
            1. Check in at reception
            2. Take a seat

            > Call us if you are running late.

            | Day | Hours |
            |-----|-------|
            | Monday | 9 to 5 |

            ***

            Escaped \*stars\* and an &amp; entity.
            """;

        var source = await Importing.FileAsync(folder, "first-visit.md", Documents.Utf8(markdown));

        var loaded = Importing.Loaded(folder, source.Id);
        Assert.Equal("Your first visit", loaded.Title);
        Assert.Equal(
            "Your first visit\n\n" + Parking + " See our map for directions.\n\nWhat to bring\n\nA photo ID\nYour list of medications\nCheck in at reception\nTake a seat\n\n"
            + "Call us if you are running late.\n\nDay\tHours\nMonday\t9 to 5\n\nEscaped *stars* and an & entity.",
            loaded.Text);
        Assert.DoesNotContain("layout", loaded.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("#", loaded.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", loaded.Text, StringComparison.Ordinal);
        await Importing.AssertQuotableAsync(folder, source.Id, "Your list of medications");
    }

    [Fact]
    public async Task A_text_file_with_a_byte_order_mark_is_stored_without_it_and_with_its_lines_normalised()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var text = "\r\n\r\nVisiting us   \r\n\r\n\r\n\r\n" + Parking + "\t \r\nCafé opens at 8.\r\n\r\n";

        var source = await Importing.FileAsync(folder, "visiting-us.txt", Documents.Utf8(text, bom: true));

        var loaded = Importing.Loaded(folder, source.Id);
        Assert.Equal("visiting-us", loaded.Title);
        Assert.Equal("Visiting us\n\n" + Parking + "\nCafé opens at 8.", loaded.Text);
        Assert.Equal(loaded.Text.Length, source.TextLength);
        await Importing.AssertQuotableAsync(folder, source.Id, "Café opens at 8.");
    }

    [Fact]
    public async Task Pasted_text_is_titled_by_its_first_line()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var importer = Importing.Importer(folder);

        var source = await importer.ImportTextAsync("Parking at the clinic\n\n" + Parking, new FaqBot.Core.Knowledge.Import.SourceDetails(Importing.Publisher));

        Assert.Equal("parking-at-the-clinic", source.Id);
        var loaded = Importing.Loaded(folder, source.Id);
        Assert.Equal("Parking at the clinic", loaded.Title);
        Assert.Null(loaded.Url);
        Assert.Contains("\noriginalFile: \"\"\n", File.ReadAllText(source.Path), StringComparison.Ordinal);
        await Importing.AssertQuotableAsync(folder, source.Id, Parking);
    }
}
