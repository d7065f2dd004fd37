using FaqBot.Core.Text;

namespace FaqBot.Core.Tests.Text;

public sealed class FuzzyLexiconTests
{
    private static readonly FuzzyLexicon Lexicon = new(new Dictionary<string, int>
    {
        ["infusion"] = 10,
        ["infusions"] = 2,
        ["drive"] = 4,
        ["driver"] = 1,
        ["consultation"] = 3,
        ["nausea"] = 2,
        ["iv"] = 5,
    });

    [Theory]
    [InlineData("infusoin", "infusion")]
    [InlineData("infuson", "infusion")]
    [InlineData("innfusion", "infusion")]
    [InlineData("dirve", "drive")]
    [InlineData("consultaion", "consultation")]
    [InlineData("nasuea", "nausea")]
    public void Corrects_a_misspelling_to_the_nearest_known_word(string written, string expected)
    {
        Assert.True(Lexicon.TryCorrect(written, out var correction, out var distance));
        Assert.Equal(expected, correction);
        Assert.InRange(distance, 1, 2);
    }

    [Theory]
    [InlineData("infusion")]
    [InlineData("ivv")]
    [InlineData("drve")]
    [InlineData("parking")]
    [InlineData("insurance")]
    public void Leaves_known_short_and_distant_words_alone(string written) =>
        Assert.False(Lexicon.TryCorrect(written, out _, out _));

    [Fact]
    public void Prefers_the_smaller_distance_then_the_more_frequent_word()
    {
        Assert.True(Lexicon.TryCorrect("infusionss", out var correction, out var distance));
        Assert.Equal(("infusions", 1), (correction, distance));
        Assert.True(Lexicon.TryCorrect("drivex", out correction, out distance));
        Assert.Equal(("drive", 1), (correction, distance));
    }
}
