using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>Postal addresses of many countries, whole with their town and postcode, and the
/// street words and numbers that are no address.</summary>
public sealed class AddressRedactionTests
{
    public static TheoryData<string, string> Addresses => new()
    {
        { "I'm at 14 Rosemary Close, Leeds LS6 2QR until June", "I'm at [address] until June" },
        { "post it to Flat 7, 21 Albert Road, Bristol BS2 0XY", "post it to [address]" },
        { "how far is SW1A 2AA from you?", "how far is [address] from you?" },
        { "my eircode is H91 E2K3", "my eircode is [address]" },
        { "send to 77 Elgin St, Ottawa ON K1P 5K8, thanks", "send to [address], thanks" },
        { "I live at 3/45 Smith St, Fitzroy VIC 3065", "I live at [address]" },
        { "Hauptstraße 5, 10115 Berlin ist meine Adresse", "[address] ist meine Adresse" },
        { "we're at 12 rue Victor Hugo, 69002 Lyon", "we're at [address]" },
        { "adres: Keizersgracht 123, 1015 CJ Amsterdam", "adres: [address]" },
        { "Calle Mayor 8, 2º B, 28013 Madrid", "[address]" },
        { "No. 12, 4th Main, Jayanagar, Bengaluru 560041", "[address]" },
        { "PO Box 1234, Wellington 6140", "[address]" },
        { "Flat 2/1, 44 Dumbarton Rd, Glasgow G11 6PJ", "[address]" },
        { "ul. Marszałkowska 10/12, 00-590 Warszawa", "[address]" },
        { "home is 55 W 42nd St Apt 9F, New York, NY 10036", "home is [address]" },
        { "I'm in Boise, ID 83706 for now", "I'm in [address] for now" },
        { "my zip is 10027", "my zip is [address]" },
        { "is there a clinic closer to 30309?", "is there a clinic closer to [address]?" },
        { "Adresse pour la facture : 7 Avenue Jean Jaurès, 69007 Lyon. Merci", "Adresse pour la facture : [address]. Merci" },
        { "c'est au 12 allée des Tilleuls, 33000 Bordeaux", "c'est au [address]" },
        { "vivo en 221 Calzada de Tlalpan, 04000 CDMX", "vivo en [address]" },
        { "PLEASE SEND MY RECORDS TO 209 W MONUMENT ST APT 3, BALTIMORE MD 21201. THANK YOU", "PLEASE SEND MY RECORDS TO [address]. THANK YOU" },
        { "MY HOME IS 14 N CHARLES ST, BALTIMORE MD 21201", "MY HOME IS [address]" },
        { "forward my letters to 9 Harbour Road, Howth, Co. Dublin D13 X2K7", "forward my letters to [address]" },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Redacts_addresses_with_their_town_and_postcode(string message, string expected) =>
        Assert.Equal(expected, Redactor.Default.Redact(message));

    [Theory]
    [InlineData("I walk 3 blocks down Main Street, about 10 minutes")]
    [InlineData("Park on 2nd Street? Suite 200? Room 101 on floor 3?")]
    [InlineData("is the clinic near Union Station or the Green Line?")]
    [InlineData("vitamin B12 3MG daily, is that ok")]
    [InlineData("I did 10000 steps near 5th Avenue yesterday")]
    [InlineData("from 2019 to 2024 I lived in 3 cities")]
    [InlineData("I LIVE 2 BLOCKS DOWN THE ST FROM YOU")]
    [InlineData("I came 3 times to the Place des Vosges and we have 2 Route options")]
    [InlineData("I HAVE 2 QUESTIONS ABOUT THE WAY YOU BILL")]
    public void Leaves_street_words_and_numbers_that_are_no_address(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));
}
