using System.Text.Json.Nodes;
using FaqBot.Web.Handoffs;

namespace FaqBot.Web.Tests.Handoffs;

/// <summary>The form as read from any client: odd text and odd types give problems, never an exception.</summary>
public sealed class CallbackRequestTests
{
    [Theory]
    [InlineData("\ud800")]                     // a lone surrogate
    [InlineData("\uFFFE\uFFFF")]               // noncharacters
    [InlineData("\u202E7410 555 319\u202C")]   // direction marks around digits
    [InlineData("١٢٣٤٥٦٧٨٩٠")]                 // Arabic-Indic digits
    [InlineData("+")]
    [InlineData("(((((((((((((((((((((((((((((((((((((((")]
    public void Odd_phone_numbers_give_a_problem_or_a_normalised_number_and_never_throw(string phone)
    {
        var request = CallbackRequest.Read(Form(phone: phone), "US");

        Assert.True(request.IsValid ? request.Phone.StartsWith('+') : request.Problems.Count > 0);
    }

    [Fact]
    public void Fields_of_the_wrong_type_or_over_their_length_are_problems_and_are_not_kept()
    {
        var form = Form();
        form["name"] = new JsonArray(1, 2);
        form["email"] = new string('a', 10_000) + "@example.org";
        form["consent"] = 1;

        var request = CallbackRequest.Read(form, "US");

        Assert.False(request.IsValid);
        Assert.Equal(("", ""), (request.Name, request.Email));
        Assert.Contains(request.Problems, p => p.Contains("longer than", StringComparison.Ordinal));
        Assert.Contains(request.Problems, p => p.Contains("tick the box", StringComparison.Ordinal));
    }

    private static JsonObject Form(string name = "Ana", string phone = "913 555 0147", string email = "", string consent = "true") => new()
    {
        ["action"] = "callback",
        ["name"] = name,
        ["phone"] = phone,
        ["email"] = email,
        ["bestTime"] = "",
        ["consent"] = consent,
    };
}
