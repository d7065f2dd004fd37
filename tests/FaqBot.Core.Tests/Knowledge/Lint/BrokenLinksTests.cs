using FaqBot.Core.Knowledge.Lint;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Lint;

public sealed class BrokenLinksTests
{
    private const string Anchor = "Our team will help you get settled";

    [Theory]
    [InlineData("See [our form](forms/intake.pdf).")]
    [InlineData("See [our form]().")]
    [InlineData("See [our form](#form).")]
    [InlineData("See [our site](https://).")]
    [InlineData("See [our site](http:/example.org).")]
    [InlineData("See [our site](https://clinic).")]
    [InlineData("See [our site](ftp://example.org/file).")]
    [InlineData("See [our site](javascript:alert(1)).")]
    [InlineData("Write to [us](mailto:nobody).")]
    [InlineData("Call [us](tel:call-us).")]
    [InlineData("See ftp://example.org/file for details.")]
    [InlineData("See https://exa_mple.org for details.")]
    [InlineData("See [the leaflet](../../outside.txt).")]
    public async Task A_broken_link_in_an_answer_is_an_error_on_the_body(string sentence)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        File.WriteAllText(Path.Combine(folder.Path, "..", "outside.txt"), "outside the knowledge folder");
        folder.Edit("snippets/what-to-wear.md", Anchor, sentence + " " + Anchor);

        var report = await Linting.LintAsync(folder);

        var finding = Linting.Single(report, LintRules.BrokenLinks, "snippets/what-to-wear.md", "body");
        Assert.True(finding.IsError);
    }

    [Theory]
    [InlineData("See [our site](https://example.org/ketamine?x=1#top).")]
    [InlineData("See https://www.example.org/ketamine, or www.example.org.")]
    [InlineData("Write to [us](mailto:frontdesk@example.org) or call [us](tel:+1-913-871-9888).")]
    [InlineData("See [our form](../forms/intake.pdf) or [again](forms/intake.pdf#page=2).")]
    [InlineData("Call 988 or chat at 988lifeline.org.")]
    [InlineData("Wear [square] brackets (and parentheses) freely.")]
    public async Task Working_links_and_plain_text_are_not_reported(string sentence)
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        Directory.CreateDirectory(Path.Combine(folder.Path, "forms"));
        folder.Write("forms/intake.pdf", "%PDF-1.4");
        folder.Edit("snippets/what-to-wear.md", Anchor, sentence + " " + Anchor);

        var report = await Linting.LintAsync(folder);

        Assert.Empty(report.Of(LintRules.BrokenLinks));
    }

    [Fact]
    public async Task A_broken_link_in_a_fixed_reply_is_reported_on_the_reply()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("replies/no-answer.md", "Our staff can help:", "Our staff can help (see [help](help.html)):");

        var report = await Linting.LintAsync(folder);

        Linting.Single(report, LintRules.BrokenLinks, "replies/no-answer.md", "body");
    }

    [Fact]
    public async Task A_malformed_source_url_is_reported_on_the_url_header()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("sources/infusion-experience.txt", "url: \"\"", "url: \"htps//example.org/about\"");

        var report = await Linting.LintAsync(folder);

        Linting.Single(report, LintRules.BrokenLinks, "sources/infusion-experience.txt", "url");
    }

    [Fact]
    public async Task A_well_formed_source_url_is_not_reported()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        folder.Edit("sources/infusion-experience.txt", "url: \"\"", "url: \"https://example.org/about\"");

        var report = await Linting.LintAsync(folder);

        Assert.Empty(report.Of(LintRules.BrokenLinks));
    }
}
