using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>Phone numbers of many countries, read with libphonenumber, and the numbers that are no
/// phone number: each case is (message, what is stored).</summary>
public sealed class PhoneRedactionTests
{
    public static TheoryData<string, string> Numbers => new()
    {
        // A country code: any country whose code it is.
        { "my UK mobile is +44 7700 900461", "my UK mobile is [phone]" },
        { "dad's number in Nairobi: +254 711 555 302", "dad's number in Nairobi: [phone]" },
        { "call 0044 20 7946 0321 from abroad", "call [phone] from abroad" },
        { "from the US dial 011 44 20 7946 0321", "from the US dial [phone]" },
        { "whatsapp +971 50 123 4567 (my brother)", "whatsapp [phone] (my brother)" },
        { "Tel. +49 (0)30 2345678", "Tel. [phone]" },

        // National forms, valid for one of the regions read.
        { "ring me on 020 7946 0321 please", "ring me on [phone] please" },
        { "my mobile 0412 987 654, not the landline", "my mobile [phone], not the landline" },
        { "Sie erreichen mich unter 0171 2345678", "Sie erreichen mich unter [phone]" },
        { "mon portable: 06 98 76 54 32", "mon portable: [phone]" },
        { "in Kenya I use 0733 456 789", "in Kenya I use [phone]" },
        { "India: 91234 56789 works on whatsapp", "India: [phone] works on whatsapp" },
        { "my Beijing number 139 1234 5678", "my Beijing number [phone]" },
        { "reach me at (02) 9876 5432", "reach me at [phone]" },

        // Extensions, and numbers in words.
        { "office line 0161 496 0123 ext 204", "office line [phone]" },
        { "number is nine one seven, five five five, two three one four", "number is [phone]" },
        { "text 415-555-two-six-one-nine tonight", "text [phone] tonight" },
        { "my cell is oh seven nine double one, two three four five six seven", "my cell is [phone]" },

        // Spelled out digit by digit, cue or not; "hundred" after a digit word.
        { "area code 443 then five five five, oh one eight two. ask for Deb", "area code [phone] then [phone]. ask for [name]" },
        { "it's eight one eight, five five five, two nine nine one", "it's [phone]" },
        { "call me on 07700 nine hundred, two seven three", "call me on [phone]" },
        { "zero four one two, three four five, six seven eight is my mobile", "[phone] is my mobile" },
        { "my STD code is 080 and the rest I'll text", "my STD code is [phone] and the rest I'll text" },

        // Given in two parts after a cue.
        { "text me at 617 555 — sorry hit send too early — 0149", "text me at [phone] — sorry hit send too early — [phone]" },
        { "my number is 0412 987... oops, 654", "my number is [phone]... oops, [phone]" },
        { "call me on 020 794 - the rest is on the form", "call me on [phone] - the rest is on the form" },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Redacts_phone_numbers_in_every_country_format(string message, string expected) =>
        Assert.Equal(expected, Redactor.Default.Redact(message));

    [Theory]
    [InlineData("Is the 2-hour session $1,250.00 or 1250 with insurance?")]
    [InlineData("I paid 2400 for 6 sessions and 350 for the consult")]
    [InlineData("the tracking number is 1234 5678 9012 3456")]
    [InlineData("PHQ-9 went from 21 to 11 to 7 in 2024")]
    [InlineData("I drove 120 miles, 2 hours 15 minutes each way")]
    [InlineData("one two three four five, breathe, I count to calm down")]
    [InlineData("the range is 200-2000 units, or 100-1000 mg")]
    [InlineData("Version 10.2.3 of the app crashes at 3 pm")]
    [InlineData("I have two kids, aged five and seven, and one dog")]
    [InlineData("one hundred percent, nine hundred people were there")]
    [InlineData("call me at 12:30 or text me at 10 tomorrow")]
    [InlineData("my phone is broken, call me at 3 pm on 555")]
    [InlineData("what's the area code for the clinic?")]
    [InlineData("I earn 45000 a year and can pay 150 a month")]
    public void Leaves_prices_dates_counts_and_other_numbers(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));

    [Fact]
    public void A_date_with_dots_is_no_phone_number()
    {
        Assert.Equal("My last infusion was on [date] at 10:30", Redactor.Default.Redact("My last infusion was on 08.02.2025 at 10:30"));
    }

    [Fact]
    public void A_country_code_number_next_to_a_north_american_one_is_redacted_whole()
    {
        Assert.Equal("my SA cell is [phone] (Lagos)", Redactor.Default.Redact("my SA cell is +234 803 555 1200 (Lagos)"));
    }

    [Fact]
    public void The_word_number_of_a_placeholder_is_no_phone_cue()
    {
        var options = new RedactionOptions { SocialSecurityNumber = false, IdNumber = false };

        Assert.Equal("card [card number], code 123-45-6789", new Redactor(options).Redact("card 4111 1111 1111 1111, code 123-45-6789"));
    }
}
