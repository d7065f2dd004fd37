using FaqBot.Core.Knowledge.Lint;

namespace FaqBot.Core.Tests.Knowledge.Lint;

public sealed class QuantityReaderTests
{
    [Theory]
    [InlineData("It takes 40 minutes.", "Duration", 40, 40)]
    [InlineData("It takes about 60 minutes.", "Duration", 54, 66)]
    [InlineData("Plan for 45-60 minutes.", "Duration", 45, 60)]
    [InlineData("Plan for 45–60 minutes.", "Duration", 45, 60)]
    [InlineData("Plan for 40 to 60 minutes.", "Duration", 40, 60)]
    [InlineData("It lasts between 40 and 60 minutes.", "Duration", 40, 60)]
    [InlineData("anywhere from about 40 minutes to about 90 minutes", "Duration", 36, 99)]
    [InlineData("at least 30 to 45 minutes", "Duration", 30, 45)]
    [InlineData("arrive an hour before", "Duration", 60, 60)]
    [InlineData("a 40-minute infusion", "Duration", 40, 40)]
    [InlineData("forty-five minutes", "Duration", 45, 45)]
    [InlineData("within two hours", "Duration", 0, 120)]
    [InlineData("three sessions", "Sessions", 3, 3)]
    [InlineData("six infusions", "Sessions", 6, 6)]
    [InlineData("two or three treatments", "Sessions", 2, 3)]
    [InlineData("three times", "Times", 3, 3)]
    [InlineData("about 50%", "Percent", 45, 55)]
    [InlineData("70 percent", "Percent", 70, 70)]
    [InlineData("12 per\n cent", "Percent", 12, 12)]
    public void Reads_the_number_the_unit_and_the_range(string text, string kind, double low, double high)
    {
        var quantity = Assert.Single(QuantityReader.Read(text));

        Assert.Equal(kind, quantity.Kind.ToString());
        Assert.Equal(low, quantity.Low, 6);
        Assert.Equal(high, quantity.High, 6);
    }

    [Fact]
    public void At_least_leaves_the_top_open()
    {
        var quantity = Assert.Single(QuantityReader.Read("at least 30 minutes"));

        Assert.Equal(30, quantity.Low);
        Assert.True(double.IsPositiveInfinity(quantity.High));
    }

    [Theory]
    [InlineData("Please call (913) 871-9888 to schedule a consultation.")]
    [InlineData("Our clinic is at 6700 W 121st St Ste 300 A1, Overland Park, KS 66209.")]
    [InlineData("After a session you rest; a treatment plan is agreed.")]
    [InlineData("These effects usually pass within a few hours.")]
    [InlineData("Open 24/7.")]
    public void Numbers_without_a_unit_and_articles_before_counts_are_not_quantities(string text)
    {
        Assert.Empty(QuantityReader.Read(text));
    }

    [Fact]
    public void Two_units_joined_by_or_are_two_quantities()
    {
        var quantities = QuantityReader.Read("3 sessions or 4 weeks").ToList();

        Assert.Equal(2, quantities.Count);
        Assert.Equal(QuantityKind.Sessions, quantities[0].Kind);
        Assert.Equal(3, quantities[0].High);
        Assert.Equal(QuantityKind.Duration, quantities[1].Kind);
        Assert.Equal(4 * 7 * 24 * 60, quantities[1].Low);
    }
}
