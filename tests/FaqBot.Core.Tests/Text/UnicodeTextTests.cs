using FaqBot.Core.Text;

namespace FaqBot.Core.Tests.Text;

/// <summary>Lone surrogates and noncharacters, which .NET's normalisation may refuse with an
/// exception (U+FFFE does on Linux; Windows refuses lone surrogates too), are replaced before
/// normalising; everything else is kept.</summary>
public sealed class UnicodeTextTests
{
    [Fact]
    public void Plain_normalisation_refuses_a_noncharacter() =>
        Assert.Throws<ArgumentException>(() => "kill\uFFFEmyself".Normalize(System.Text.NormalizationForm.FormKC));

    /// <summary>Built in code: attribute arguments are stored as UTF-8, where a lone surrogate cannot survive.</summary>
    private static readonly (string Text, string Expected)[] Invalid =
    [
        ("kill\uFFFEmyself", "kill\uFFFDmyself"),
        ("a\uFFFFb", "a\uFFFDb"),
        ("a\uFDD0b", "a\uFFFDb"),
        ("lone \uD800 high", "lone \uFFFD high"),
        ("lone \uDC00 low", "lone \uFFFD low"),
        ("end \uD800", "end \uFFFD"),
        ("\uDC00\uD800", "\uFFFD\uFFFD"),
        ("plane 1 \uD83F\uDFFE", "plane 1 \uFFFD"),
    ];

    [Fact]
    public void Invalid_code_points_become_the_replacement_character()
    {
        foreach (var (text, expected) in Invalid)
        {
            Assert.Equal(expected, UnicodeText.WithoutInvalid(text));
            Assert.Equal(expected, UnicodeText.NormalizeKC(text));
        }
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("emoji \uD83D\uDE00 and caf\u00E9")]
    [InlineData("")]
    public void Valid_text_is_returned_as_it_is(string text) =>
        Assert.Same(text, UnicodeText.WithoutInvalid(text));

    [Fact]
    public void Compatibility_forms_are_still_folded() =>
        Assert.Equal("kill", UnicodeText.NormalizeKC("\uFF4B\uFF49\uFF4C\uFF4C"));
}
