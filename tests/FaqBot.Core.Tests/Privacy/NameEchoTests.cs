using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>A name found once is removed wherever the message writes it again, with the surname
/// written after it; an everyday word that was a name once stays where it starts a sentence.</summary>
public sealed class NameEchoTests
{
    public static TheoryData<string, string> Echoed => new()
    {
        { "hello, I'm Autumn. Autumn Brightwater. can I book for friday?", "hello, I'm [name]. [name]. can I book for friday?" },
        { "So I'm Ravi. Just Ravi is fine, thanks", "So I'm [name]. Just [name] is fine, thanks" },
        { "my son teo is 19. is teo old enough to come alone? Teo says yes", "my son [name] is 19. is [name] old enough to come alone? [name] says yes" },
        { "I'm Ngozi, Ngozi's mum paid the deposit", "I'm [name], [name]'s mum paid the deposit" },
        // Another way of writing the name, in brackets after it or around it.
        { "Hi, I'm Minjun Kang (민준), is there an interpreter?", "Hi, I'm [name] ([name]), is there an interpreter?" },
        { "my mother 王秀英 (Xiuying Wang) speaks Mandarin only", "my mother [name] ([name]) speaks Mandarin only" },
    };

    public static TheoryData<string, string> Kept => new()
    {
        // "Will" at the start of a sentence is the verb, whatever the name before was.
        { "I'm Will. Will you call me back?", "I'm [name]. Will you call me back?" },
        // A name written with a capital is not taken where the word is written in lower case.
        { "I'm Summer. Is the clinic open in summer?", "I'm [name]. Is the clinic open in summer?" },
        // Brackets that hold more than a name, or a relation word, are no alias.
        { "I'm Dmitri Volkov (call me on weekends) and need a slot", "I'm [name] (call me on weekends) and need a slot" },
        { "Regards, Ilse Brandt (carer)", "Regards, [name] (carer)" },
    };

    [Theory]
    [MemberData(nameof(Echoed))]
    public void Every_mention_of_a_name_found_once_is_redacted(string message, string stored) =>
        Assert.Equal(stored, Redactor.Default.Redact(message));

    [Theory]
    [MemberData(nameof(Kept))]
    public void Everyday_words_that_were_a_name_once_stay_where_they_are_words(string message, string stored) =>
        Assert.Equal(stored, Redactor.Default.Redact(message));

    [Theory]
    [InlineData("Hello! I'm Patience Okonkwo-Eze, can you text me to confirm?", "Hello! I'm [name], can you text me to confirm?")]
    [InlineData("the card is under my husband, it says Fortune Adebayo-Lawal on it", "the card is under my husband, it says [name] on it")]
    public void An_everyday_word_before_a_foreign_surname_inside_a_sentence_is_a_given_name(string message, string stored) =>
        Assert.Equal(stored, Redactor.Default.Redact(message));

    [Theory]
    [InlineData("we drove through Hope Valley and it took an hour, is there parking?")]
    [InlineData("my insurer is Golden Rule, do you take it? The drive from Lake Tahoe is long")]
    public void Everyday_words_before_places_stay(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));
}
