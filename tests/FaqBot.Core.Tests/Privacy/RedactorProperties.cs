using FaqBot.Core.Privacy;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>The redactor on any text: it never throws, redacting twice changes nothing, and a
/// detail it recognises on its own is still removed with any text around it.</summary>
public sealed class RedactorProperties
{
    /// <summary>Details the redactor removes when written alone, and the part that must never be stored.</summary>
    private static readonly (string Written, string Secret)[] Details =
    [
        ("my number is 555-201-7789", "201-7789"),
        ("call me back at (555) 201-7789", "201-7789"),
        ("my number is +44 20 7946 0958", "7946 0958"),
        ("my email is maria.lopez82@gmail.com", "maria.lopez82"),
        ("DOB 03/14/1985", "03/14/1985"),
        ("I was born on March 14, 1985", "March 14"),
        ("SSN 123-45-6789", "123-45-6789"),
        ("My card is 4111 1111 1111 1111", "4111 1111"),
        ("I live at 1234 Oak Street", "Oak Street"),
        ("member id is W987654321", "W987654321"),
        ("my MRN is 00123456", "00123456"),
        ("Hi, my name is Maria Lopez", "Lopez"),
    ];

    /// <summary>Ends of sentences: what a detail is written between.</summary>
    private static readonly string[] Breaks = [". ", "! ", "? ", "\n", ", ", " - "];

    private static readonly Gen<string> WrittenDetails = Gen.Elements(Details.Select(d => d.Written));

    [Property(MaxTest = 100)]
    public Property Never_throws_and_redacting_twice_changes_nothing() =>
        Prop.ForAll(HostileText.Arbitrary(WrittenDetails), message =>
        {
            var once = Redactor.Default.Redact(message.Text);

            Assert.Equal(once, Redactor.Default.Redact(once));
        });

    [Property(MaxTest = 100)]
    public Property A_known_detail_is_never_stored_in_clear_whatever_surrounds_it() =>
        Prop.ForAll(
            HostileText.Arbitrary(),
            Arb.From(Gen.Elements(Details).Zip(Gen.Elements(Breaks))),
            HostileText.Arbitrary(),
            (before, detail, after) =>
            {
                var ((written, secret), separator) = detail;

                var redacted = Redactor.Default.Redact(before.Text + separator + written + separator + after.Text);

                Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
            });
}
