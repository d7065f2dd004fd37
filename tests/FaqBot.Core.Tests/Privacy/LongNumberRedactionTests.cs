using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>A long number without a cue is an id; lists, times, money and short dates are not.</summary>
public sealed class LongNumberRedactionTests
{
    [Theory]
    [InlineData("my national id 48293017746 is on the form, do you need it?", "48293017746")]
    [InlineData("Kindly note: 382.417.905-61. Do you accept cash?", "417.905")]
    [InlineData("wife's card says 35202-1456789-3, does the letter need it", "1456789")]
    [InlineData("numéro: 2 91 07 75 116 042 33, c'est bon?", "116 042")]
    [InlineData("cover is with AAR/00471829 still, do you bill them?", "00471829")]
    [InlineData("My member number keeps failing. It's XYP 4418 2290 3. Is the space the problem?", "XYP")]
    [InlineData("the code on the letter is W 228 419 660, is that what you need?", "228 419")]
    public void A_long_number_is_never_stored(string message, string secret) =>
        Assert.DoesNotContain(secret, Redactor.Default.Redact(message), StringComparison.Ordinal);

    [Theory]
    [InlineData("rate sessions 1 2 3 4 5 6 7 8 out of 10?")]
    [InlineData("Is the clinic open 10.30-11.45 on Saturdays?")]
    [InlineData("I came on 2/3 2/5 2/7 2/10, was that the right spacing?")]
    [InlineData("Is it true a clinic made $1,250,000 from ketamine?")]
    [InlineData("the infusion is 40 minutes and then 20 minutes rest, 2024 prices?")]
    public void Lists_times_money_and_short_dates_stay(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));
}
