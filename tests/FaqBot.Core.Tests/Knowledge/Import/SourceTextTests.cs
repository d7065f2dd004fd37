using FaqBot.Core.Knowledge.Import;

namespace FaqBot.Core.Tests.Knowledge.Import;

public sealed class SourceTextTests
{
    [Theory]
    [InlineData("a\r\nb\rc\n", "a\nb\nc")]
    [InlineData("a   \nb\t\u00A0\n", "a\nb")]
    [InlineData("a\n\n\nb\n\n\n\n\nc", "a\n\nb\n\nc")]
    [InlineData("a\n  \n\t\nb", "a\n\nb")]
    [InlineData("\n\n  \na\n\n \n", "a")]
    [InlineData("  indented stays\n", "  indented stays")]
    [InlineData("page one\fpage two", "page one\n\npage two")]
    [InlineData("\uFEFFbom\u0000nul\u0007bell\ttab", "bomnulbell\ttab")]
    [InlineData("", "")]
    public void Text_is_normalised_as_stored(string text, string stored) =>
        Assert.Equal(stored, SourceText.Normalize(text));

    [Fact]
    public void Normalising_twice_changes_nothing()
    {
        const string text = "Title\r\n\r\n\r\n  Body   line \r\n\fEnd\n";

        var once = SourceText.Normalize(text);

        Assert.Equal(once, SourceText.Normalize(once));
    }

    [Fact]
    public void An_unpaired_surrogate_is_replaced_so_the_text_reads_back_the_same()
    {
        var stored = SourceText.Normalize("a\uD800b");

        Assert.Equal("a\uFFFDb", stored);
        Assert.Equal(stored, System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(stored)));
    }
}
