using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>A "word" of thousands of letters and hyphens must cost no more than reading it. A
/// particle chain ("al-Al-Al-...") was read part after part, each time copying the rest: 6,000
/// characters allocated hundreds of megabytes. Measured by the bytes allocated, which is
/// deterministic.</summary>
public sealed class LongNameWordTests
{
    [Theory]
    [InlineData("al-", "Al-", 2_000)]
    [InlineData("Anna", "-Anna", 1_000)]
    [InlineData("O'", "Nei-", 1_500)]
    public void A_long_hyphenated_word_is_no_name_and_costs_little(string head, string piece, int times)
    {
        var word = head + string.Concat(Enumerable.Repeat(piece, times)) + "Rashid";
        var message = "Hi, I am " + word + ", can I drive home after my infusion?";
        _ = Redactor.Default.Analyze("Hi, I am Priya Raghunathan."); // word lists loaded before measuring
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = Redactor.Default.Analyze(message);

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 16L * 1024 * 1024);
        Assert.Equal(NameEvidence.Stop, NameLexicon.Evidence(word));
        Assert.Contains("can I drive home after my infusion?", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("al-Rashidi")]
    [InlineData("Okafor-Reyes")]
    [InlineData("Wolfeschlegelsteinhausenbergerdorff")]
    public void Real_name_words_are_within_the_cap(string word)
    {
        Assert.InRange(word.Length, 1, NameLexicon.MaxWordLength);
        Assert.NotEqual(NameEvidence.Stop, NameLexicon.Evidence(word));
    }
}
