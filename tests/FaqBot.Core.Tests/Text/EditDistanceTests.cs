using FaqBot.Core.Text;

namespace FaqBot.Core.Tests.Text;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("infusion", "infusion", 0)]
    [InlineData("infusoin", "infusion", 1)]
    [InlineData("dirve", "drive", 1)]
    [InlineData("infusin", "infusion", 1)]
    [InlineData("consultaion", "consultation", 1)]
    [InlineData("nausea", "nasuea", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Counts_insertions_deletions_substitutions_and_swaps(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Bounded(a, b, 5));

    [Fact]
    public void Stops_early_once_the_bound_is_exceeded() =>
        Assert.Equal(2, EditDistance.Bounded("anesthesiologist", "paperwork", 1));

    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    public void Allows_one_edit_from_five_letters_and_two_from_eight(int length, int allowed) =>
        Assert.Equal(allowed, EditDistance.AllowedFor(length));
}
