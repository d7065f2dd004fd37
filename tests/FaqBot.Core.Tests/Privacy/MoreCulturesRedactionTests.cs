using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>Details written the way other countries and cultures write them: addresses in Cyrillic
/// and CJK script and in other orders, dates with month names of other languages, e-mail addresses
/// spelled in other languages, phone numbers with spaced separators, and names joined by particles,
/// written surname first or of other cultures; and the ordinary words around them that stay.</summary>
public sealed class MoreCulturesRedactionTests
{
    public static TheoryData<string, string> Details => new()
    {
        // Street types in Cyrillic before the name, and a flat ("кв.") after the number.
        { "my mother lives at ул. Тверская 12, кв. 5, Москва 125009", "my mother lives at [address]" },
        // Chinese and Japanese script: a city or ward and the numbers after it, with the postcode mark.
        { "my address is 〒530-0001 大阪府大阪市北区梅田1-2-3, thanks", "my address is [address], thanks" },
        { "I live at 北京市朝阳区建国路88号 now", "I live at [address] now" },
        // A German street named with a preposition, before a postcode and town.
        { "Wir wohnen Im Winkel 7, 50667 Köln seit Mai", "Wir wohnen [address] seit Mai" },
        // An Indian house number, which needs the postcode among the parts after it.
        { "Address: H.No 12-5-33/B, Vijaynagar Colony, Hyderabad 500057.", "Address: [address]." },
        // A rural route's number after its type.
        { "we're at 4410 State Highway 29, Alma WI 54610", "we're at [address]" },
        // A floor written after the house number.
        { "nieuw adres: Prinsengracht 88-II, 1015 DX Amsterdam", "nieuw adres: [address]" },
        // A state after a dash, and "ap" for the flat.
        { "ela mora na Rua Oscar Freire 900, ap 12, Curitiba - PR, 80010-000", "ela mora na [address]" },
        // Month names of other languages.
        { "date of birth 14 Şubat 1985", "date of birth [date of birth]" },
        { "geboren am 3 März 1962", "geboren am [date of birth]" },
        // An e-mail address spelled in Spanish.
        { "mi correo es ana_lopez arroba gmail punto com", "mi correo es [email]" },
        // A phone number with a space either side of each separator.
        { "text me, ph: 312 . 555 . 0199 after 5", "text me, ph: [phone] after 5" },
        // Particles and the surname after a given name.
        { "Appointment for Joost van den Broek please", "Appointment for [name] [name] please" },
        { "Hi, Amina bint Yusuf here", "Hi, [name] [name] [name] here" },
        // A surname written first, before a comma, at the start of the message.
        { "Adeyemi, Folake - DOB 02/03/1980", "[name], [name] - DOB [date of birth]" },
        // A given name set off before a relation.
        { "Can I take ibuprofen? Frank, my pharmacist, said to ask.", "Can I take ibuprofen? [name], my pharmacist, said to ask." },
        // A name after "call me", "call her".
        { "she prefers it if you call her Rain at the desk", "she prefers it if you call her [name] at the desk" },
        // The first part of a number after "my cell starts with".
        { "my cell starts with 415-882 and ends in 19", "my cell starts with [phone] and ends in 19" },
        // East Asian names with a hyphenated given name, in either order.
        { "Hi! Min-jun Park here, new patient", "Hi! [name] here, new patient" },
        { "or Park Min-jun, Korean order", "or [name], Korean order" },
        // Given names of more cultures.
        { "thanks for the help. Tayanita", "thanks for the help. [name]" },
        { "is it ok to drive after? Aponi", "is it ok to drive after? [name]" },
    };

    [Theory]
    [MemberData(nameof(Details))]
    public void Redacts_details_written_as_other_cultures_write_them(string message, string expected) =>
        Assert.Equal(expected, Redactor.Default.Redact(message));

    [Theory]
    [InlineData("Note, my pharmacist said to ask first.")]
    [InlineData("Friday, my husband drives me in.")]
    [InlineData("Can I book a follow-up for next week?")]
    [InlineData("Is the X-ray room near the Park entrance?")]
    [InlineData("I get to the clinic at 9 - 10 most days, 3 - 4 times a week")]
    [InlineData("we met at the bar at the point of no return")]
    [InlineData("Im Moment geht es mir besser, danke")]
    [InlineData("can you call me Monday or Tuesday?")]
    [InlineData("Please call us Anytime, thanks")]
    [InlineData("it was 2 mai ago, no 3 mart")]
    public void Keeps_ordinary_words(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));
}
