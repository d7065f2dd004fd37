using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>Messages in French, Spanish, Portuguese, Italian and German: their greetings and
/// function words are never read as a name, a first-person cue introduces a name only when a
/// capitalised word follows, and an e-mail address spelled in Spanish is redacted from its first word.</summary>
public sealed class OtherLanguageWordsRedactionTests
{
    public static TheoryData<string, string> Messages => new()
    {
        // A greeting of another language opens the message; the name after it is read as an opening.
        { "Buonasera, Marco Ferri, posso venire con mia sorella?", "Buonasera, [name], posso venire con mia sorella?" },
        { "Bonsoir, Élodie Marchand, est-ce que je peux venir seule ?", "Bonsoir, [name], est-ce que je peux venir seule ?" },
        // Function words after a dash, or after a relation word, are no name.
        { "J'ai une question — je suis à Lyon jusqu'à jeudi", "J'ai une question — je suis à Lyon jusqu'à jeudi" },
        { "Mi pregunta — ahí vive mi hermana, ¿hay clínica cerca?", "Mi pregunta — ahí vive mi hermana, ¿hay clínica cerca?" },
        { "es para mi abuela que tiene mucha ansiedad", "es para mi abuela que tiene mucha ansiedad" },
        { "Frage — ich bin am Montag in Berlin", "Frage — ich bin am Montag in Berlin" },
        { "é para a minha mãe que mora longe", "é para a minha mãe que mora longe" },
        // A first-person cue then a capitalised name.
        { "Hola, soy Rocío Benítez y quiero una cita", "Hola, soy [name] y quiero una cita" },
        // An e-mail address spelled in Spanish, from its first word to the domain.
        { "mi correo es rosa punto iglesias arroba gmail punto com, gracias", "mi correo es [email], gracias" },
        { "la mia mail è paolo punto neri chiocciola libero punto it", "la mia mail è [email]" },
    };

    public static TheoryData<string, string> Details => new()
    {
        // A German day with its ordinal's full stop, a Spanish date with "de" around the month.
        { "geboren am 9. Oktober 1968, bitte um Rückruf", "geboren am [date of birth], bitte um Rückruf" },
        { "mi primera sesión fue el 12 de marzo de 2024 y me fue bien", "mi primera sesión fue el [date] y me fue bien" },
        { "Meine letzte Infusion war am 3. Juni 2023.", "Meine letzte Infusion war am [date]." },
        // A number said digit by digit in Spanish.
        { "llámenme al nueve, uno, dos, cuatro, cuatro, siete, cero, tres, uno, ocho por favor", "llámenme al [phone] por favor" },
        // An Italian street named with an article joined to its preposition ("dei", "degli", "delle").
        { "abitiamo in Via degli Ulivi 8, 50125 Firenze da marzo", "abitiamo in [address] da marzo" },
        // Each part of an e-mail address in brackets of its own.
        { "correo: [ana.ruiz] [at] [gmail] [dot] [com] gracias", "correo: [email] gracias" },
    };

    [Theory]
    [MemberData(nameof(Details))]
    public void Redacts_details_written_in_other_languages(string message, string expected) =>
        Assert.Equal(expected, Redactor.Default.Redact(message));

    [Theory]
    [InlineData("¿son dos o tres sesiones? uno de mis hijos pregunta")]
    [InlineData("Kapitel 3. Mai ist mein Lieblingsmonat")]
    public void Keeps_counts_said_in_other_languages(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));

    [Theory]
    [MemberData(nameof(Messages))]
    public void Reads_other_languages_words_as_words(string message, string expected) =>
        Assert.Equal(expected, Redactor.Default.Redact(message));

    [Theory]
    [InlineData("Bonjour, je suis claire? la dose est par kilo")]
    [InlineData("Ciao, sono chiara? Spero di sì, non parlo bene inglese.")]
    public void A_first_person_cue_needs_a_capitalised_word_in_a_message_with_capitals(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));

    [Fact]
    public void A_first_person_cue_takes_a_lower_case_given_name_when_the_writer_uses_no_capitals() =>
        Assert.Equal("hola soy [name] y tengo cita el martes", Redactor.Default.Redact("hola soy lucia y tengo cita el martes"));
}
