using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>Details in the forms the redactor learned to read after the third development set:
/// each mechanism with messages of its own (message, what is stored), and ordinary words that
/// look like them and must stay.</summary>
public sealed class WiderRedactionTests
{
    public static TheoryData<string, string> EmailsInBrackets => new()
    {
        { "write to liam<dot>byrne<at>eircom<dot>net please", "write to [email] please" },
        { "it's ana [dot] silva [at] outlook [dot] com", "it's [email]" },
        { "mail: kofi{underscore}mensah{at}yahoo{dot}co{dot}uk", "mail: [email]" },
    };

    public static TheoryData<string, string> OnlineIds => new()
    {
        { "someone logged in from fe80::1ff:fe23:4567:890a last night", "someone logged in from [online id] last night" },
        { "the address was 2001:db8::ff00:42:8329, not mine", "the address was [online id], not mine" },
        { "my login for the patient app is sunflower_77, it's locked", "my login for the patient app is [online id], it's locked" },
        { "(user: dan1987) can't see the forms", "(user: [online id]) can't see the forms" },
    };

    public static TheoryData<string, string> IdsAndCards => new()
    {
        { "Mastercard 5555 5555 5555 4444, 09/27, 318 please charge it", "Mastercard [card number], [card number], [card number] please charge it" },
        { "amex, CID 4821", "amex, CID [card number]" },
        { "my Visa ending in 4821 was declined", "my Visa ending in [card number] was declined" },
        { "Grp: 77120 on the back", "Grp: [id number] on the back" },
        { "Policy: HX42", "Policy: [id number]" },
        { "driver's licence number for the rental paperwork: 40128377", "driver's licence number for the rental paperwork: [id number]" },
        { "his reg: it's BD51 SMR", "his reg: it's [id number]" },
        { "he'll park the silver Corolla, LV70 KHT, out front", "he'll park the silver Corolla, [id number], out front" },
        { "my car is HXR-4471 if security asks", "my car is [id number] if security asks" },
    };

    public static TheoryData<string, string> Addresses => new()
    {
        { "I'm staying at 9 Harcourt Road Lower, Dublin 4, D04 C9Y6 this week", "I'm staying at [address] this week" },
        { "we live at 4-12-7 Nishi, Naka-ku, Nagoya 460-0002 now", "we live at [address] now" },
        { "we live at 2-5-1 Umeda, Kita-ku, Osaka 〒530-0001 now", "we live at [address] now" },
        { "send it to: ul. Długa 5/7 m. 3, 80-827 Gdańsk", "send it to: [address]" },
        { "my postcode is 560034, is Bangalore covered?", "my postcode is [address], is Bangalore covered?" },
        { "we're in the 94110 zip code", "we're in the [address] zip code" },
    };

    public static TheoryData<string, string> DatesOfBirth => new()
    {
        { "born on the third of March nineteen eighty-two", "born on [date of birth]" },
        { "DOB: 19851231 for the form", "DOB: [date of birth] for the form" },
        { "my birthday is July the ninth, two thousand and one", "my birthday is [date of birth]" },
    };

    public static TheoryData<string, string> Names => new()
    {
        { "you were all great today thx priya", "you were all great today thx [name]" },
        { "this is Bill re: the invoice from May", "this is [name] re: the invoice from May" },
        { "My cousin Omar el-Masri will collect me", "My cousin [name] will collect me" },
        { "tomas and I would like to come together", "[name] and I would like to come together" },
        { "sorry its me Amaru, can I move my slot", "sorry its me [name], can I move my slot" },
        { "lol its me Dallas, lost my phone", "lol its me [name], lost my phone" },
        { "Hello from Ngozi, is the clinic open Sunday?", "Hello from [name], is the clinic open Sunday?" },
        { "Bill to: Anika Bergstrom, 2 copies", "Bill to: [name], 2 copies" },
        { "hey! sione & malia fonoti here, two bookings please", "hey! [name] here, two bookings please" },
        { "My son, Kyung-joo, needs a note for school.", "My son, [name], needs a note for school." },
        { "see you Tuesday — A.K. Mensah", "see you Tuesday — [name]" },
        { "I think Jan Nowakowski will drive me home", "I think [name] will drive me home" },
    };

    [Theory]
    [MemberData(nameof(EmailsInBrackets))]
    [MemberData(nameof(OnlineIds))]
    [MemberData(nameof(IdsAndCards))]
    [MemberData(nameof(Addresses))]
    [MemberData(nameof(DatesOfBirth))]
    [MemberData(nameof(Names))]
    public void Redacts_the_detail(string message, string expected) =>
        Assert.Equal(expected, Redactor.Default.Redact(message));

    [Theory]
    [InlineData("the infusion runs from 10:30:15 to 11:45, user reviews say it's fine")]
    [InlineData("I need to login at 10am, my username is fine, the login page is slow")]
    [InlineData("Visa accepted? I have 2 cards, 1 expired, 3 left, 11/26 is my next visit")]
    [InlineData("Group: 2 people, group: big")]
    [InlineData("can I come at 3 today? we stay 2 nights, 1-2 of us, at 5 Hotels")]
    [InlineData("what zip code do you serve? is 2 hours of parking free")]
    [InlineData("the second of May works, my birthday is in the first week of June")]
    [InlineData("this is Urgent, please help. hi from Denver, is there a clinic? mark and I know the drill. its me again")]
    [InlineData("Thanks, the MRI report is attached. Cheers")]
    [InlineData("our NHS trust, the NHI scheme and the DOB field")]
    [InlineData("Jan and Feb were hard months, Jan Monday too")]
    [InlineData("my car is a 2019 Ford, car park 2 is full, the car seat fits, my car 2 hours away, COVID19 ABC")]
    [InlineData("the session ending in 2025 was fine, my last four sessions too; card reader ending 10:30")]
    public void Keeps_ordinary_words_that_look_like_details(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));

    [Fact]
    public void A_word_in_capitals_before_an_id_is_its_label_not_a_name() =>
        Assert.Equal("For the form: b. [date], NHI [id number]", Redactor.Default.Redact("For the form: b. 4 Jul '66, NHI ZAB1234"));
}
