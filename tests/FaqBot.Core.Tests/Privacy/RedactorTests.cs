using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>Numbers, e-mail addresses, dates of birth and street addresses in patient messages:
/// each case is (message, what is stored, the detail that must be gone).</summary>
public sealed class RedactorTests
{
    public static TheoryData<string, string, string> Phones => new()
    {
        { "Hi, my name is Maria Lopez and my number is (555) 201-7789, can someone call me about booking?",
            "Hi, my name is [name] and my number is [phone], can someone call me about booking?", "201-7789" },
        { "Please call me back at 555-201-7789 after 5pm.", "Please call me back at [phone] after 5pm.", "555-201-7789" },
        { "You can text 555.201.7789 or my work line +1 555 201 7789 ext. 12",
            "You can text [phone] or my work line [phone]", "201 7789" },
        { "My cell: 5552017789", "My cell: [phone]", "5552017789" },
        { "Reach me on 1-555-201-7789 x204 tomorrow", "Reach me on [phone] tomorrow", "x204" },
        { "The clinic's number 555-0100 was busy so I'm writing here", "The clinic's number [phone] was busy so I'm writing here", "555-0100" },
        { "I'm in London, my number is +44 20 7946 0958", "I'm in London, my number is [phone]", "7946 0958" },
    };

    public static TheoryData<string, string, string> Emails => new()
    {
        { "My email is maria.lopez82@gmail.com, thanks!", "My email is [email], thanks!", "maria.lopez82" },
        { "Send it to MARIA_L+clinic@mail.example.org.", "Send it to [email].", "MARIA_L+clinic" },
        { "mlopez at gmail dot com works best", "[email] works best", "mlopez" },
        { "my 5552017789@txt.example.net address", "my [email] address", "5552017789" },
    };

    public static TheoryData<string, string, string> DatesOfBirth => new()
    {
        { "DOB 03/14/1985", "DOB [date of birth]", "03/14/1985" },
        { "I was born on March 14, 1985 and would like to book an infusion.",
            "I was born on [date of birth] and would like to book an infusion.", "March 14" },
        { "my birthday is 3-14-85 if you need it", "my birthday is [date of birth] if you need it", "3-14-85" },
        { "Date of birth: 1985-03-14. Insurance is Aetna.", "Date of birth: [date of birth]. Insurance is Aetna.", "1985-03-14" },
        { "D.O.B. 14 March 1985", "D.O.B. [date of birth]", "14 March" },
        { "I'm 39, born 3/14/1985, and can I come on March 20?", "I'm 39, born [date of birth], and can I come on March 20?", "3/14/1985" },
        { "My appointment is 04/02/2025, my date of birth is 03/14/1985.",
            "My appointment is [date], my date of birth is [date of birth].", "03/14/1985" },
        { "i was born march 14th 87 if u need to look me up", "i was born [date of birth] if u need to look me up", "87" },
        { "I was born March 14, 12 years after my sister", "I was born [date of birth], 12 years after my sister", "March 14" },
        { "03/14/1985 is my DOB", "[date of birth] is my DOB", "03/14/1985" },
        { "my birthday is 3/14, can I come 3/20?", "my birthday is [date of birth], can I come 3/20?", "3/14" },
    };

    public static TheoryData<string, string, string> StreetAddresses => new()
    {
        { "I live at 1234 Oak Street, Springfield.", "I live at [address].", "Oak Street" },
        { "My address is 123 N Main St Apt 4B if you need to mail forms.", "My address is [address] if you need to mail forms.", "Main St" },
        { "It's 45 Elm Rd., Springfield, IL 62704.", "It's [address].", "62704" },
        { "i live at 12 oak st, is parking free?", "i live at [address], is parking free?", "oak st" },
        { "I live at 45 Elm Rd. Can you send the forms?", "I live at [address]. Can you send the forms?", "Elm Rd" },
        { "Please mail it to PO Box 887.", "Please mail it to [address].", "887" },
        { "I'm staying at 500 W 42nd St #12 during treatment.", "I'm staying at [address] during treatment.", "42nd St" },
    };

    public static TheoryData<string, string, string> CardNumbers => new()
    {
        { "My card is 4111 1111 1111 1111, exp 12/27.", "My card is [card number], exp [card number].", "12/27" },
        { "Can I pay with 5555-5555-5555-4444?", "Can I pay with [card number]?", "5555-5555" },
        { "card 4111111111111111 ok", "card [card number] ok", "4111111111111111" },
        { "Amex 3782 822463 10005 please", "Amex [card number] please", "822463" },
        { "it's 4111 1111 1111 1111 555 with the code", "it's [card number] 555 with the code", "4111" },
    };

    public static TheoryData<string, string, string> SocialSecurityNumbers => new()
    {
        { "SSN 123-45-6789", "SSN [ssn]", "123-45-6789" },
        { "my social security number is 123 45 6789", "my social security number is [ssn]", "45 6789" },
        { "social: 123456789", "social: [ssn]", "123456789" },
        { "they asked for 987-65-4321 on the form", "they asked for [ssn] on the form", "987-65-4321" },
        { "last four of my social are 6789", "last four of my social are [ssn]", "6789" },
    };

    public static TheoryData<string, string, string> IdNumbers => new()
    {
        { "ssn is 123456789 and member id is W987654321", "ssn is [ssn] and member id is [id number]", "W987654321" },
        { "my MRN is 00123456", "my MRN is [id number]", "00123456" },
        { "Policy #: AB-1234-5678, insurance is Cigna", "Policy #: [id number], insurance is Cigna", "AB-1234-5678" },
    };

    /// <summary>Every message above, for the properties that hold whatever the kind.</summary>
    public static TheoryData<string> AllMessages
    {
        get
        {
            var all = new TheoryData<string>();
            foreach (var table in new[] { Phones, Emails, DatesOfBirth, StreetAddresses, CardNumbers, SocialSecurityNumbers, IdNumbers, NameRedactionTests.Names })
            {
                foreach (var row in table)
                {
                    all.Add((string)row[0]);
                }
            }

            return all;
        }
    }

    [Theory]
    [MemberData(nameof(Phones))]
    [MemberData(nameof(Emails))]
    [MemberData(nameof(DatesOfBirth))]
    [MemberData(nameof(StreetAddresses))]
    [MemberData(nameof(CardNumbers))]
    [MemberData(nameof(SocialSecurityNumbers))]
    [MemberData(nameof(IdNumbers))]
    public void Replaces_each_detail_with_its_placeholder(string message, string expected, string detail)
    {
        var redacted = Redactor.Default.Redact(message);

        Assert.Equal(expected, redacted);
        Assert.DoesNotContain(detail, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Can I come at 10:30 on Tuesday? The infusion takes 40 minutes, right?")]
    [InlineData("Is $450 per infusion correct for 2024? I drove 90 miles.")]
    [InlineData("Is it $1,200.00 or $1200 for six? Or 1200.00?")]
    [InlineData("My doctor said 0.5 mg/kg, is 50 mg normal? I take 2 pills a day.")]
    [InlineData("Does 100-1000 mg sound right? The range is 200-2000 units.")]
    [InlineData("Is it 300-1200 a month? Or 800-1000?")]
    [InlineData("Infusions 1-6 over 3 weeks, then every 4-6 weeks? Between 9:00-17:30?")]
    [InlineData("Call 911 or 988 if it's an emergency")]
    [InlineData("Room 101 on floor 3, about 15 miles from 2019 to 2024")]
    public void Leaves_times_prices_doses_years_and_zip_codes(string message) =>
        AssertUnchanged(message);

    [Theory]
    [InlineData("Can I come on March 14? Or maybe 3/20 works better.")]
    [InlineData("I was born in 1985.")]
    [InlineData("I was born in Ohio, could I book for June 3?")]
    [InlineData("born and raised here. Can I come March 14")]
    [InlineData("My last infusion was 01/05 and the next is on the 14th of March")]
    public void Leaves_dates_not_given_as_a_birth_date(string message) =>
        AssertUnchanged(message);

    /// <summary>(message, what is stored): full dates of a patient's care are removed as dates.</summary>
    public static TheoryData<string, string> FullDates => new()
    {
        { "My first infusion was 02/09/2024 and my last was 03/01/2024, I need a letter",
            "My first infusion was [date] and my last was [date], I need a letter" },
        { "I was discharged from St Luke's on 2/11/2023 and referred here", "I was discharged from St Luke's on [date] and referred here" },
        { "seen by Dr. Rao on 14 March 2023, then again on March 28th, 2023", "seen by Dr. [name] on [date], then again on [date]" },
        { "claim filed 2024-11-02, still pending", "claim filed [date], still pending" },
        { "my last session was on 08.02.25? no, 08.02.2025", "my last session was on 08.02.25? no, [date]" },
        { "can I come on 3/20/25 instead?", "can I come on [date] instead?" },
        // A date without a year that dates a past event of the writer's care.
        { "my wife had her second infusion with you on 6/12 and still feels dizzy", "my wife had her second infusion with you on [date] and still feels dizzy" },
        { "I was discharged from Brookside on 3 May, can I start soon?", "I was discharged from Brookside on [date], can I start soon?" },
        { "he was hospitalized from 8/2 to 8/19 last summer", "he was hospitalized from [date] last summer" },
        { "I paid on Oct 14 but the portal says I owe", "I paid on [date] but the portal says I owe" },
    };

    [Theory]
    [MemberData(nameof(FullDates))]
    public void Redacts_full_dates_with_a_year_as_dates(string message, string expected) =>
        Assert.Equal(expected, Redactor.Default.Redact(message));

    [Theory]
    [InlineData("I started in March 2024 and had 6 by June")]
    [InlineData("13/13/2024 is no date, nor is 32/1/2024 or 0/3/2024")]
    [InlineData("scores went 21/11/7, and 10-12-15 minutes of nausea")]
    [InlineData("from 2019 to 2024, 3 to 4 times, on 3/14")]
    [InlineData("I had my first infusion last month and would like to book on 6/12")]
    [InlineData("I had a question, can I come in on 3 May?")]
    public void Leaves_dates_without_a_day_month_and_year(string message) =>
        AssertUnchanged(message);

    [Theory]
    [InlineData("I take 2 pills every day and walk 3 blocks down the street.")]
    [InlineData("Park on 2nd Street? Suite 200?")]
    [InlineData("I live 20 minutes from the clinic, near Oak Street.")]
    public void Leaves_numbers_near_street_words_that_are_no_address(string message) =>
        AssertUnchanged(message);

    [Theory]
    [InlineData("My order number is 1234567890123456")]
    [InlineData("tracking 1234 5678 9012 3456")]
    public void A_long_number_that_fails_the_luhn_check_is_no_card(string message) =>
        AssertUnchanged(message);

    [Theory]
    [InlineData("The referral code is 123456789")]
    [InlineData("my insurance is Aetna, policy number 2")]
    [InlineData("Is the clinic at the mall? I'll be there at 10")]
    public void Leaves_other_numbers_and_words_without_a_cue(string message) =>
        AssertUnchanged(message);

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111 1111 1111 1111", true)]
    [InlineData("79927398713", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("1234-5678-9012-3456", false)]
    public void Luhn_check(string number, bool valid) =>
        Assert.Equal(valid, CardNumberDetector.PassesLuhn(number));

    [Theory]
    [MemberData(nameof(AllMessages))]
    public void Redacting_redacted_text_changes_nothing(string message)
    {
        var once = Redactor.Default.Redact(message);

        Assert.Equal(once, Redactor.Default.Redact(once));
    }

    [Fact]
    public void Redacting_redacted_text_changes_nothing_even_when_details_are_glued_together()
    {
        string[] pieces =
        [
            "555-201-7789", "(555) 201-7789", "+44 20 7946 0958", "5552017789", "555-0100", "maria.lopez82@gmail.com",
            "jane at gmail dot com", "03/14/1985", "March 14, 1985", "4111 1111 1111 1111", "123-45-6789", "123456789",
            "W987654321", "12 Oak Street", "Jane Doe", "my name is", "I'm", "DOB", "ssn", "member id", "I live at", "days",
        ];
        string[] joints = ["", " ", ".", ", ", "-", "/", ":", "(", ")", "@", "'", "_", "#"];
        foreach (var first in pieces)
        {
            foreach (var joint in joints)
            {
                foreach (var second in pieces)
                {
                    var text = first + joint + second;

                    var once = Redactor.Default.Analyze(text);

                    Assert.False(once.FailedClosed, text);
                    Assert.True(once.Text == Redactor.Default.Redact(once.Text), $"{text} -> {once.Text} -> {Redactor.Default.Redact(once.Text)}");
                }
            }
        }
    }

    [Fact]
    public void The_result_counts_the_details_in_text_order_and_keeps_no_original()
    {
        const string Message = "I'm Jane Doe, DOB 03/14/1985, call 555-201-7789 or jane@example.com, card 4111 1111 1111 1111";

        var result = Redactor.Default.Analyze(Message);

        Assert.Equal("I'm [name], DOB [date of birth], call [phone] or [email], card [card number]", result.Text);
        Assert.Equal(
            [RedactionKind.Name, RedactionKind.DateOfBirth, RedactionKind.Phone, RedactionKind.Email, RedactionKind.CardNumber],
            result.Kinds);
        Assert.Equal(5, result.Count);
        Assert.Equal(1, result.CountOf(RedactionKind.Phone));
        Assert.False(result.FailedClosed);
        foreach (var original in new[] { "Jane", "03/14/1985", "201-7789", "jane@", "4111" })
        {
            Assert.DoesNotContain(original, result.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Whitespace_line_breaks_and_punctuation_around_a_detail_are_kept()
    {
        const string Message = "Call  (555) 201-7789 !\n\tOr write:\r\njane@example.com...\n";

        Assert.Equal("Call  [phone] !\n\tOr write:\r\n[email]...\n", Redactor.Default.Redact(Message));
    }

    [Theory]
    [InlineData("Reach me at jane5552017789@example.com", "Reach me at [email]")]
    [InlineData("My insurance id is 555-123-4567", "My insurance id is [id number]")]
    [InlineData("my name is jane.doe@example.com", "my name is [email]")]
    [InlineData("call me at 4111 1111 1111 1111", "call me at [card number]")]
    public void Of_overlapping_details_the_longest_or_most_specific_wins(string message, string expected) =>
        Assert.Equal(expected, Redactor.Default.Redact(message));

    [Fact]
    public void A_detail_hidden_by_a_longer_one_is_found_on_a_second_reading()
    {
        var result = Redactor.Default.Analyze("I'm Jane, 12 Oak Street#4111 1111 1111 1111 is my card");

        Assert.Equal("I'm [name], [address]#[card number] is my card", result.Text);
        Assert.Equal([RedactionKind.Name, RedactionKind.StreetAddress, RedactionKind.CardNumber], result.Kinds);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Null_and_empty_come_back_as_they_are(string? text)
    {
        Assert.Equal(text, Redactor.Default.Redact(text));
        Assert.Equal(0, Redactor.Default.Analyze(text).Count);
    }

    [Fact]
    public void A_timeout_withholds_the_whole_text()
    {
        static void TimesOut(string text, List<Detected> found) =>
            throw new System.Text.RegularExpressions.RegexMatchTimeoutException(text, "pattern", TimeSpan.FromMilliseconds(1));
        var redactor = new Redactor(new RedactionOptions(), [new DetailFinder(RedactionKind.Phone, TimesOut, [])]);

        var result = redactor.Analyze("my number is 555-201-7789");

        Assert.Equal("[redacted]", result.Text);
        Assert.True(result.FailedClosed);
        Assert.Equal("[redacted]", redactor.Redact("my number is 555-201-7789"));
    }

    [Fact]
    public void A_long_crowded_message_never_times_out()
    {
        var message = string.Concat(Enumerable.Repeat(
            "Hi, I'm Jane and I'm nervous about my first infusion at 10:30; my number is 555-201-7789 and I was born on March 14, 1985. "
            + "Is 40 minutes normal, and does insurance cover $450? I live at 12 Oak Street. ", 10))[..2_000];
        var crowded = string.Concat(Enumerable.Repeat("1 A 1-2 my name is I'm DOB 3/ @a. ", 100))[..2_000];

        var first = Redactor.Default.Analyze(message);
        var second = Redactor.Default.Analyze(crowded);

        Assert.False(first.FailedClosed);
        Assert.False(second.FailedClosed);
        Assert.DoesNotContain("555-201-7789", first.Text, StringComparison.Ordinal);
    }

    private static void AssertUnchanged(string message)
    {
        var result = Redactor.Default.Analyze(message);

        Assert.Equal(message, result.Text);
        Assert.Empty(result.Kinds);
    }
}
