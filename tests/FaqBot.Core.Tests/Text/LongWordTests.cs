using FaqBot.Core.Text;

namespace FaqBot.Core.Tests.Text;

/// <summary>An unknown "word" of hundreds of characters ("1234567890" * 300, "kms" * 300) must
/// cost no more than reading it: the typo corrector never builds its deletions. Measured by the
/// bytes the lookup allocates, which is deterministic (building the 2-deletion keys of a
/// 300-letter word allocates tens of megabytes).</summary>
public sealed class LongWordTests
{
    private static readonly FuzzyLexicon Lexicon = new(new Dictionary<string, int> { ["infusion"] = 3, ["consultation"] = 1 });

    [Theory]
    [InlineData("1234567890", 30)]
    [InlineData("kms", 100)]
    [InlineData("infusion", 40)]
    public void A_long_unknown_word_is_not_looked_up(string piece, int times)
    {
        var word = string.Concat(Enumerable.Repeat(piece, times));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var corrected = Lexicon.TryCorrect(word, out var correction, out _);

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 64 * 1024);
        Assert.False(corrected);
        Assert.Equal(word, correction);
    }

    [Fact]
    public void Words_up_to_the_longest_known_word_plus_the_allowed_edits_are_still_corrected()
    {
        Assert.True(Lexicon.TryCorrect("consultationn", out var correction, out _));
        Assert.Equal("consultation", correction);
        Assert.True(Lexicon.TryCorrect("connsultationn", out correction, out _));
        Assert.Equal("consultation", correction);
    }

    [Fact]
    public void The_cap_holds_even_when_the_vocabulary_has_a_very_long_word()
    {
        var longKnown = new string('a', 200);
        var lexicon = new FuzzyLexicon(new Dictionary<string, int> { [longKnown] = 1, ["infusion"] = 1 });
        var before = GC.GetAllocatedBytesForCurrentThread();

        Assert.False(lexicon.TryCorrect(longKnown[..199] + "b", out _, out _));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 64 * 1024);
        Assert.True(lexicon.Contains(longKnown));
    }
}
