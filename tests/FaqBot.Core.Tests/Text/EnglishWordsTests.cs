using FaqBot.Core.Text;

namespace FaqBot.Core.Tests.Text;

public sealed class EnglishWordsTests
{
    [Theory]
    [InlineData("cover", true)]
    [InlineData("medicare", true)]
    [InlineData("delivered", true)]
    [InlineData("infusoin", false)]
    [InlineData("dirve", false)]
    public void Knows_real_words_from_misspellings(string word, bool expected) =>
        Assert.Equal(expected, EnglishWords.Contains(word));
}
