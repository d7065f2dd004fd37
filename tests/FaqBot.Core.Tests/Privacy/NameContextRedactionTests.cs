using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>Names without a cue phrase, read from where they stand and what they are made of, and
/// the everyday words (many of them also given names) that must stay as written.</summary>
public sealed class NameContextRedactionTests
{
    public static TheoryData<string, string> Names => new()
    {
        // A given name and a surname, anywhere; names from many cultures.
        { "can you let the nurse know that Tariq Haddad will be late", "can you let the nurse know that [name] will be late" },
        { "Abdirahman Yusuf is driving me", "[name] is driving me" },
        { "Hope Mwangi booked for Friday", "[name] booked for Friday" },
        { "please confirm for Óscar Domínguez", "please confirm for [name]" },
        { "can you let the front desk know Okwudili Anyanwu is parking", "can you let the front desk know [name] is parking" },

        // Titles, relation and person words, verbs of telling and asking, labels.
        { "tell Dr. Okafor that Beatriz Kowalczyk will be late", "tell Dr. [name] that [name] will be late" },
        { "my psychiatrist, dr. hiroshi tanaka, referred me", "my psychiatrist, dr. [name], referred me" },
        { "my wife, Ngozi Adeyemi, will drive me", "my wife, [name], will drive me" },
        { "my son Mateo has his consult on Friday", "my son [name] has his consult on Friday" },
        { "my neighbour Grace will bring me", "my neighbour [name] will bring me" },
        { "my sister May is coming along", "my sister [name] is coming along" },
        { "our friend kalani is picking me up", "our friend [name] is picking me up" },
        { "meine Frau Anneliese braucht einen Termin", "meine Frau [name] braucht einen Termin" },
        { "can u tell marco im outside", "can u tell [name] im outside" },
        { "ask for Lwazi at the desk", "ask for [name] at the desk" },
        { "Patient: siddharth rao", "Patient: [name]" },
        { "the booking is under Tomás Herrera", "the booking is under [name]" },

        // Before "here", "again"; intros in other languages.
        { "Evelyn Marchetti here, can I move my booking?", "[name] here, can I move my booking?" },
        { "kwabena osei here, running late", "[name] here, running late" },
        { "DESMOND HERE. CALL ME", "[name] HERE. CALL ME" },
        { "hi it's Amara again, did you get my forms?", "hi it's [name] again, did you get my forms?" },
        { "je suis Chloé Lambert, je voudrais un rendez-vous", "je suis [name], je voudrais un rendez-vous" },
        { "Hi, I'm Will.", "Hi, I'm [name]." },

        // Sign-offs, openings, a sentence of its own, between commas, next to another detail.
        { "Thanks, Priya Raghunathan", "Thanks, [name]" },
        { "can I pay in two parts? cheers, marguerite", "can I pay in two parts? cheers, [name]" },
        { "Thanks for your help. Kind regards, Tomasz", "Thanks for your help. Kind regards, [name]" },
        { "see you thursday\n\n- Marisol", "see you thursday\n\n- [name]" },
        { "running 10 min late — Ahmed, in the blue car", "running 10 min late — [name], in the blue car" },
        { "Svetlana Petrova, booked for Tuesday, can I change it?", "[name], booked for Tuesday, can I change it?" },
        { "hi, Connor Ó Dálaigh, first visit next week", "hi, [name], first visit next week" },
        { "is the parking free? Niamh", "is the parking free? [name]" },
        { "the lady at reception, Precious, was so kind", "the lady at reception, [name], was so kind" },
        { "I am Kenji Watanabe (渡辺健二), first visit", "I am [name] ([name]), first visit" },
        { "- Joy M.", "- [name]." },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Redacts_names_without_a_cue_phrase(string message, string expected) =>
        Assert.Equal(expected, Redactor.Default.Redact(message));

    [Fact]
    public void A_name_next_to_another_detail_is_redacted_on_the_second_reading()
    {
        Assert.Equal("[name], [phone] is my work line", Redactor.Default.Redact("June Park, 416-555-0143 is my work line"));
    }

    [Theory]
    [InlineData("I'm Grace-ful under pressure, mostly.")]
    [InlineData("I'm Frank about my history: lots of meds.")]
    [InlineData("I'm Will-ing to try anything at this point.")]
    [InlineData("I will be late. May I ask about parking? I hope that's ok.")]
    [InlineData("Frank question: is this safe with a heart condition?")]
    [InlineData("Will Cigna cover it? Will my plan?")]
    [InlineData("Thanks, May I ask one more thing?")]
    [InlineData("Thanks, Will someone call me back?")]
    [InlineData("Hope this makes sense. Joy is rare for me these days.")]
    [InlineData("Grace period for cancellations is 24 hours right?")]
    [InlineData("Autumn makes my depression worse. June would be best to start.")]
    [InlineData("Mark me down for Thursday and bill me after.")]
    [InlineData("Rose Ave or Main Street? Mercy General referred me.")]
    [InlineData("I'm flying in from Los Angeles; is there a clinic near San Diego or Hong Kong?")]
    [InlineData("Blue Cross Blue Shield PPO, Kaiser Permanente or United Healthcare?")]
    [InlineData("Lexapro, Zoloft and Prozac all failed for me.")]
    [InlineData("Bonjour, parlez-vous français? Hola, ¿hablan español?")]
    [InlineData("Guten Tag, ich komme im Mai nach Denver.")]
    [InlineData("my therapist Said it might help, my husband Works nights")]
    [InlineData("I'm Deaf, do you have ASL interpreters? I'm British too.")]
    [InlineData("Ask Siri how far it is. Let Me Know if you have openings.")]
    [InlineData("are you open on saturdays")]
    [InlineData("Sooo nervous. Lol. Hiii, quick question. Thanks so much!")]
    [InlineData("WILL SOMEONE CALL ME BACK? MAY I BRING MY DOG?")]
    [InlineData("hope u can help, will i be able to work the next day")]
    [InlineData("Is Dr. available on weekends? My doctor Recommended it.")]
    [InlineData("It's Monday tomorrow. It's Medicare Advantage. He's Catholic.")]
    [InlineData("Austin or Charlotte NC location?")]
    [InlineData("my insurer is Techniker Krankenkasse, do you bill them?")]
    [InlineData("I'm visiting Costa Rica next month and flew back from Sri Lanka in May")]
    public void Leaves_everyday_words_that_are_also_names(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));

    /// <summary>Found by random text: each reading put a placeholder in and made the next word
    /// look like the first of its sentence, so the redactor stopped after its last reading with
    /// more to find. A placeholder is read as the word it replaced.</summary>
    [Theory]
    [InlineData("x\nTn\u2350ll\uFDD4\u2CBD AA\uFFFE\u5003")]
    [InlineData("Thank,\uAE1F,\u5B47)\u5F69,\u1DF4,\u01C5@\u0AA1")]
    [InlineData("x,Tn]\uB64C.\u413D\u200D\u438D)\u00E9")]
    [InlineData("GRACE HERE. MY PHONE IS 617 555 0119, ASK FOR RAY")]
    public void Redacting_redacted_text_changes_nothing(string message)
    {
        var once = Redactor.Default.Redact(message);

        Assert.Equal(once, Redactor.Default.Redact(once));
    }
}
