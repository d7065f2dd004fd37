using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>Member, record, licence and national id numbers, licence plates, card expiry dates
/// and security codes, e-mail addresses spelled out, online ids and dates of birth in more forms.</summary>
public sealed class IdAndCardRedactionTests
{
    public static TheoryData<string, string> Details => new()
    {
        { "my medicare number is 2123 45670 1", "my medicare number is [id number]" },
        { "member ID is ABC 55012 8830, Anthem", "member ID is [id number], Anthem" },
        { "group # 0091122", "group # [id number]" },
        { "passport: 533380006", "passport: [id number]" },
        { "NI number QQ 12 34 56 C", "NI number [id number]" },
        { "my MBI is 2KT9-AB3-CD45", "my MBI is [id number]" },
        { "licence plate is KA-01-HH-1234", "licence plate is [id number]" },
        { "rego ABC123, silver corolla", "rego [id number], silver corolla" },
        { "the number on my new licence is F255-9281-0042", "the number on my new licence is [id number]" },
        { "PPS 1234567TW", "PPS [id number]" },
        { "card 4000 1234 5678 9010 exp 03/28 cvv 123", "card [card number] exp [card number] cvv [card number]" },
        { "valid thru 0827 on the visa", "valid thru [card number] on the visa" },
        { "security code is 4417", "security code is [card number]" },
        { "expiry date: 09/2026 and cvc 552", "expiry date: [card number] and cvc [card number]" },
        { "email: j.ramos (at) outlook (dot) com", "email: [email]" },
        { "write to maya dot chen 88 at gmail dot com", "write to [email]" },
        { "reply to tomas_b84 at hotmail please", "reply to [email] please" },
        { "Write to lea underscore marx at yahoo. Thanks", "Write to [email]. Thanks" },
        { "my email is ana underscore ruiz 77 at g mail", "my email is [email]" },
        { "écrivez à marie point leroy arobase orange point fr", "écrivez à [email]" },
        { "send it to eero.virtanen(at)kolumbus.fi thanks", "send it to [email] thanks" },
        // The last digits of a number, given to be recognised by; references with slashes; a case or a file number.
        { "my ssn ends in 5512, is that enough to find me?", "my ssn ends in [id number], is that enough to find me?" },
        { "same cell, ending -7390", "same cell, ending -[id number]" },
        { "the VA said last 4 are 3318 for my file", "the VA said last 4 are [id number] for my file" },
        { "Our ref: KLM/2023/4471, please reply in writing", "Our ref: [id number], please reply in writing" },
        { "his VA file number is C-31 552 604 and the VA pays", "his VA file number is [id number] and the VA pays" },
        { "my case # is HSA-55721 with the county", "my case # is [id number] with the county" },
        { "it's sam underscore lee at yahoo dot co dot uk", "it's [email]" },
        { "ig @zen_and_tonic or snap lily.rose22", "ig [online id] or snap [online id]" },
        { "refund to my venmo @dara-okoye-7 please", "refund to my venmo [online id] please" },
        { "discord is fern.owl#2231 if easier", "discord is [online id] if easier" },
        { "cash app $lenajoy88 works for the deposit", "cash app [online id] works for the deposit" },
        { "my IP is 198.51.100.23 if that helps", "my IP is [online id] if that helps" },
        { "my birthday is the 4th of July 1976", "my birthday is the [date of birth]" },
        { "geboren am 23.05.1961 in Köln", "geboren am [date of birth] in Köln" },
        { "she turns 65 on 3/3", "she turns 65 on [date of birth]" },
        { "my DOB was entered wrong in the portal, it should be 14-Feb-1980", "my DOB was entered wrong in the portal, it should be [date of birth]" },
    };

    [Theory]
    [MemberData(nameof(Details))]
    public void Redacts_ids_card_details_emails_online_ids_and_birth_dates(string message, string expected) =>
        Assert.Equal(expected, Redactor.Default.Redact(message));

    [Theory]
    [InlineData("my insurance is Aetna, policy number 2, group of 12 people")]
    [InlineData("is photo ID required? I have a passport and a licence")]
    [InlineData("I had COVID-19 twice; PHQ-9 score 14, GAD-7 score 9")]
    [InlineData("my next appointment is 12-Jan-2026 at 10")]
    [InlineData("my coverage ends in 2026 and the session ends in 45 minutes")]
    [InlineData("the promo ends in 120 days, ending with 500 mg")]
    [InlineData("I work at Yahoo and my wife at Outlook Bay Clinic")]
    [InlineData("in case 2 of 3 sessions is missed, is there a fee?")]
    [InlineData("my ID expires 04/26, is that ok for check in?")]
    [InlineData("my birthday is next week, can I come 3/20?")]
    [InlineData("meet me at the clinic at 3. me and my wife will come")]
    [InlineData("can you handle 2 patients at once?")]
    public void Leaves_numbers_and_words_that_only_look_like_ids(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));
}
