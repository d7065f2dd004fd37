using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>Acronyms, organisations, holidays and "thanks in advance" are not names; names in
/// capitals beside other capitals still are.</summary>
public sealed class AcronymAndOrganisationTests
{
    [Theory]
    [InlineData("Is my mutuelle accepted? It's MGEN, if that matters.")]
    [InlineData("Please send the records under HIPAA. Is there a fee?")]
    [InlineData("Does the Techniker Krankenkasse pay for it?")]
    [InlineData("The brochure from Memorial Hermann mentions a day program, is that you?")]
    [InlineData("St. Patrick's Day is always hard for me, can I book the week before?")]
    [InlineData("¿Atienden en español? Gracias de antemano")]
    [InlineData("Do you take Discovery Health or is it self pay only?")]
    public void Stays_as_written(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));

    [Theory]
    [InlineData("Patient: KIRRA W, can she come on Friday?", "KIRRA")]
    [InlineData("Hello, Fatima Zahra Benali here. Is my mutuelle accepted?", "Benali")]
    public void A_name_in_capitals_beside_capitals_or_a_name_is_still_redacted(string message, string secret) =>
        Assert.DoesNotContain(secret, Redactor.Default.Redact(message), StringComparison.Ordinal);
}
