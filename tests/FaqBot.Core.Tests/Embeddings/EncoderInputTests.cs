using BERTTokenizers.Base;
using FaqBot.Core.Embeddings;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Embeddings;

/// <summary>What reaches the model's tokeniser: white space as single spaces, and only the words
/// its window can hold.</summary>
public sealed class EncoderInputTests
{
    [Theory]
    [InlineData("can I drive\nhome", "can I drive home")]
    [InlineData("  can\tI\r\n\r\n drive\u00A0home  ", "can I drive home")]
    [InlineData("", "")]
    [InlineData(" \n\t ", "")]
    public void Any_white_space_becomes_one_space(string text, string expected) =>
        Assert.Equal(expected, EncoderInput.Prepare(text, 510));

    [Fact]
    public void The_text_is_cut_after_the_words_the_window_holds()
    {
        Assert.Equal("how long does", EncoderInput.Prepare("how long does the infusion take", 3));
        Assert.Equal("don't", EncoderInput.Prepare("don't stop", 3)); // "don", "'" and "t" are three words to the tokeniser
        Assert.Equal("(a)", EncoderInput.Prepare("(a) b", 3));
    }

    [Fact]
    public void A_run_the_tokeniser_skips_is_dropped_and_not_counted()
    {
        var skipped = new string('x', TokenizerBase.MaxWordLength + 1);
        var kept = new string('y', TokenizerBase.MaxWordLength);

        Assert.Equal($"a {kept} b", EncoderInput.Prepare($"a {skipped} {kept} {skipped} b c", 3));
        Assert.Equal("a..b", EncoderInput.Prepare($"a.{skipped}.b", 10));
    }

    [Fact]
    public void A_20000_character_message_is_cut_to_the_window()
    {
        var message = string.Concat(Enumerable.Repeat("can I bring my partner to the appointment? ", 500));

        var prepared = EncoderInput.Prepare(message, 510);

        Assert.True(message.Length > 20_000);
        Assert.Equal(510, Words(prepared));
        Assert.StartsWith(prepared, message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public Property Hostile_text_gives_at_most_the_window_in_bounded_length() =>
        Prop.ForAll(HostileText.Arbitrary(), hostile =>
        {
            var prepared = EncoderInput.Prepare(hostile.Text, 510);
            return Words(prepared) <= 510 && prepared.Length <= 510 * (TokenizerBase.MaxWordLength + 1);
        });

    /// <summary>Words as the tokeniser reads them: runs between spaces and marks, and each mark.</summary>
    private static int Words(string prepared) =>
        prepared.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Sum(word => word.Count(c => ".,;:\\/?!#$%()=+-*\"'–_`<>&^@{}[]|~".Contains(c, StringComparison.Ordinal))
                + word.Split(".,;:\\/?!#$%()=+-*\"'–_`<>&^@{}[]|~".ToCharArray(), StringSplitOptions.RemoveEmptyEntries).Length);
}
