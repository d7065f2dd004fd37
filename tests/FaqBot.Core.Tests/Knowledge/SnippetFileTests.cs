using FaqBot.Core.Knowledge;

namespace FaqBot.Core.Tests.Knowledge;

/// <summary>The file form of a snippet: writing one back to Markdown, reading one file on its own,
/// and the names of served and draft files.</summary>
public sealed class SnippetFileTests
{
    private const string AwkwardQuote = "Arrive: 15 minutes early - \"no later\" # really, café ☕";
    private const string SecondQuote = "--- rest for 30 minutes: then 'go home'";

    private static readonly SourceDocument Source = new(
        "clinic-notes",
        "Clinic notes",
        "Test Clinic",
        null,
        new DateOnly(2026, 1, 1),
        $"Some text.\n{AwkwardQuote}\nMore text.\n{SecondQuote}\nThe end.\n",
        "knowledge/sources/clinic-notes.txt");

    private static readonly Dictionary<string, SourceDocument> Sources = new(StringComparer.Ordinal) { [Source.Id] = Source };

    [Fact]
    public void Render_then_parse_keeps_every_field_of_an_approved_snippet_with_awkward_text()
    {
        var snippet = new Snippet(
            "arrival-time",
            "When: \"arrive\" # early? – naïve café ☕",
            ["- Do I need to arrive early?", "What's the plan: arrive at 9 # or 10?", "{not: a mapping}", "[not, a, list]", "日本語で質問できますか？"],
            ["logistics", "before: infusion", "#hash", "'single'"],
            new SourceRef("clinic-notes", "Arrival: \"On the day\" # 1", AwkwardQuote),
            [new SourceRef("clinic-notes", "- After", SecondQuote)],
            SnippetStatus.Approved,
            "Dr. O'Brien: \"lead\" # clinician",
            new DateOnly(2026, 11, 23),
            new DateOnly(2027, 11, 23),
            7,
            true,
            "# Arriving\n\nCome 15 minutes early: \"really\".\n---\n- bring ID\n- café ☕ and 日本語\n\nThat's all.",
            "arrival-time.md")
        {
            EditedBy = "sam: \"the editor\" #1",
            EditedAt = new DateTimeOffset(2026, 12, 5, 14, 30, 0, TimeSpan.Zero),
        };

        var parsed = RoundTrip(snippet, "arrival-time.md");

        AssertSameFields(snippet, parsed);
    }

    [Fact]
    public void Render_then_parse_keeps_a_draft_with_no_tags_no_seeAlso_and_no_approval()
    {
        var snippet = new Snippet(
            "new-one",
            "A draft",
            ["Is this a draft?"],
            [],
            new SourceRef("clinic-notes", "Section", AwkwardQuote),
            [],
            SnippetStatus.Draft,
            null,
            null,
            new DateOnly(2027, 1, 31),
            1,
            false,
            "Only one line.",
            "new-one.draft.md");

        var text = SnippetFile.Render(snippet);
        var parsed = RoundTrip(snippet, "new-one.draft.md");

        AssertSameFields(snippet, parsed);
        Assert.True(parsed.IsDraftFile);
        Assert.DoesNotContain("seeAlso", text, StringComparison.Ordinal);
        Assert.DoesNotContain("approvedBy", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sample", text, StringComparison.Ordinal);
        Assert.DoesNotContain("editedAt", text, StringComparison.Ordinal);
        Assert.Contains("tags: []\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a title\n---\nid: other")]
    [InlineData("line one\r\nline two\ttabbed")]
    [InlineData("back\\slash and \\n not a newline")]
    [InlineData("emoji 😀 and a smile")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("2026-01-01")]
    [InlineData("*alias &anchor !tag %directive @at `tick` |pipe >fold")]
    public void A_title_that_looks_like_yaml_or_holds_control_characters_round_trips_unchanged(string title)
    {
        var snippet = Minimal() with { Title = title };

        var parsed = RoundTrip(snippet, "minimal.md");

        Assert.Equal(title, parsed.Title);
        Assert.Equal(snippet.Body, parsed.Body);
    }

    [Fact]
    public void EditedAt_is_written_in_utc_to_the_second()
    {
        var snippet = Minimal() with
        {
            EditedBy = "sam",
            EditedAt = new DateTimeOffset(2026, 12, 5, 16, 30, 15, TimeSpan.FromHours(2)),
        };

        var text = SnippetFile.Render(snippet);
        var parsed = RoundTrip(snippet, "minimal.md");

        Assert.Contains("editedAt: \"2026-12-05T14:30:15Z\"\n", text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 14, 30, 15, TimeSpan.Zero), parsed.EditedAt);
        Assert.Equal(TimeSpan.Zero, parsed.EditedAt!.Value.Offset);
        Assert.Equal("sam", parsed.EditedBy);
    }

    [Fact]
    public void A_windows_line_ending_body_is_written_with_unix_line_endings()
    {
        var snippet = Minimal() with { Body = "First line.\r\nSecond line." };

        var text = SnippetFile.Render(snippet);

        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.EndsWith("---\nFirst line.\nSecond line.\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what-to-wear.md", "what-to-wear", false)]
    [InlineData("what-to-wear.draft.md", "what-to-wear", true)]
    [InlineData("knowledge/snippets/x.md", "x", false)]
    [InlineData("knowledge/snippets/x.draft.md", "x", true)]
    [InlineData("draft.md", "draft", false)]
    [InlineData("x.Draft.md", "x.Draft", false)]
    public void IdOf_and_IsDraftFile_read_the_file_name(string path, string id, bool draft)
    {
        Assert.Equal(id, SnippetFile.IdOf(path));
        Assert.Equal(draft, SnippetFile.IsDraftFile(path));
    }

    [Theory]
    [InlineData(false, "x.md")]
    [InlineData(true, "x.draft.md")]
    public void FileName_names_the_served_or_the_draft_file_and_IdOf_reads_it_back(bool draft, string name)
    {
        Assert.Equal(name, SnippetFile.FileName("x", draft));
        Assert.Equal("x", SnippetFile.IdOf(SnippetFile.FileName("x", draft)));
        Assert.Equal(draft, SnippetFile.IsDraftFile(SnippetFile.FileName("x", draft)));
    }

    [Fact]
    public void A_parsed_snippet_names_the_display_name_as_its_file()
    {
        var parse = SnippetFile.Parse("/tmp/anywhere/minimal.draft.md", SnippetFile.Render(Minimal() with { Status = SnippetStatus.Draft }), Sources, "minimal.draft.md");

        Assert.Empty(parse.Diagnostics);
        Assert.Equal("minimal.draft.md", parse.Snippet!.File);
        Assert.True(parse.Snippet.IsDraftFile);
    }

    [Theory]
    [InlineData("id: minimal\n---\nbody\n", "front matter", "must start with a '---' line")]
    [InlineData("---\nid: minimal\ntitle: \"x\"\nbody\n", "front matter", "no closing '---' line")]
    [InlineData("---\ntitle: \"unclosed\n---\nbody\n", "front matter", "bad YAML at line")]
    [InlineData("---\ntags: [a, b\nid: minimal\n---\nbody\n", "front matter", "bad YAML")]
    [InlineData("---\n- a\n- b\n---\nbody\n", "front matter", "must be a mapping")]
    [InlineData("---\n---\nbody\n", "front matter", "must be a mapping")]
    public void Malformed_front_matter_is_reported_not_thrown(string text, string field, string message)
    {
        var parse = SnippetFile.Parse("minimal.md", text, Sources, "minimal.md");

        Assert.Null(parse.Snippet);
        var error = Assert.Single(parse.Errors);
        Assert.Equal("minimal.md", error.File);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id: minimal\n", "id: other\n", "id", "does not match the file name")]
    [InlineData("version: 1\n", "version: 0\n", "version", "not a positive whole number")]
    [InlineData("editedAt: \"2026-12-05T14:30:00Z\"\n", "editedAt: \"yesterday\"\n", "editedAt", "not a UTC time")]
    [InlineData("quote: \"", "quote: \"not in the source ", "source.quote", "does not occur verbatim")]
    [InlineData("status: approved\n", "status: approved\nstatuz: draft\n", "statuz", "unknown field")]
    public void Malformed_fields_are_reported_naming_the_field(string oldText, string newText, string field, string message)
    {
        var text = SnippetFile.Render(Minimal() with { EditedBy = "sam", EditedAt = new DateTimeOffset(2026, 12, 5, 14, 30, 0, TimeSpan.Zero) });
        Assert.Contains(oldText, text, StringComparison.Ordinal);

        var parse = SnippetFile.Parse("minimal.md", text.Replace(oldText, newText, StringComparison.Ordinal), Sources, "minimal.md");

        Assert.Null(parse.Snippet);
        Assert.Contains(parse.Errors, e => e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SnippetStatus.Approved)]
    [InlineData(SnippetStatus.Retired)]
    public void A_draft_file_must_hold_a_draft(SnippetStatus status)
    {
        var text = SnippetFile.Render(Minimal() with { Status = status });

        var asDraft = SnippetFile.Parse("minimal.draft.md", text, Sources, "minimal.draft.md");
        var asServed = SnippetFile.Parse("minimal.md", text, Sources, "minimal.md");

        Assert.Null(asDraft.Snippet);
        var error = Assert.Single(asDraft.Errors);
        Assert.Equal("status", error.Field);
        Assert.Contains("its status must be draft", error.Message, StringComparison.Ordinal);
        Assert.NotNull(asServed.Snippet);
        Assert.Empty(asServed.Diagnostics);
    }

    private static Snippet Minimal() => new(
        "minimal",
        "Minimal",
        ["Is this minimal?"],
        ["test"],
        new SourceRef("clinic-notes", "Section", AwkwardQuote),
        [],
        SnippetStatus.Approved,
        "Dr. Test",
        new DateOnly(2026, 1, 1),
        new DateOnly(2027, 1, 1),
        1,
        false,
        "The answer.",
        "minimal.md");

    private static Snippet RoundTrip(Snippet snippet, string fileName)
    {
        var parse = SnippetFile.Parse(fileName, SnippetFile.Render(snippet), Sources, fileName);

        Assert.Empty(parse.Diagnostics);
        return Assert.IsType<Snippet>(parse.Snippet);
    }

    private static void AssertSameFields(Snippet expected, Snippet actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Questions, actual.Questions);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.SeeAlso, actual.SeeAlso);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.ApprovedBy, actual.ApprovedBy);
        Assert.Equal(expected.ApprovedOn, actual.ApprovedOn);
        Assert.Equal(expected.ReviewBy, actual.ReviewBy);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.Sample, actual.Sample);
        Assert.Equal(expected.Body, actual.Body);
        Assert.Equal(expected.File, actual.File);
        Assert.Equal(expected.EditedBy, actual.EditedBy);
        Assert.Equal(expected.EditedAt, actual.EditedAt);
    }
}
