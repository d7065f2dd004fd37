using FaqBot.Core.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Core.Tests.Privacy;

public sealed class RedactionOptionsTests
{
    private const string Message =
        "I'm Jane Doe, DOB March 14, call 555-201-7789 or jane@example.com, I live at 12 Oak Street, "
        + "card 4111 1111 1111 1111, SSN 123-45-6789, member id W987654321, insta @jane_doe85, seen on 2/11/2023, "
        + "I'm the head nurse at Mercy General";

    [Fact]
    public void Disabled_returns_the_text_unchanged()
    {
        var redactor = new Redactor(new RedactionOptions { Enabled = false });

        var result = redactor.Analyze(Message);

        Assert.Equal(Message, result.Text);
        Assert.Equal(0, result.Count);
        Assert.Equal(Message, redactor.Redact(Message));
    }

    [Theory]
    [InlineData(RedactionKind.Name, "Jane Doe")]
    [InlineData(RedactionKind.DateOfBirth, "March 14")]
    [InlineData(RedactionKind.Phone, "555-201-7789")]
    [InlineData(RedactionKind.Email, "jane@example.com")]
    [InlineData(RedactionKind.StreetAddress, "12 Oak Street")]
    [InlineData(RedactionKind.CardNumber, "4111 1111 1111 1111")]
    [InlineData(RedactionKind.SocialSecurityNumber, "123-45-6789")]
    [InlineData(RedactionKind.IdNumber, "W987654321")]
    [InlineData(RedactionKind.OnlineId, "@jane_doe85")]
    [InlineData(RedactionKind.Date, "2/11/2023")]
    [InlineData(RedactionKind.Workplace, "the head nurse at Mercy General")]
    public void A_kind_switched_off_is_left_and_the_others_are_still_redacted(RedactionKind kind, string detail)
    {
        var options = new RedactionOptions();
        typeof(RedactionOptions).GetProperty(kind.ToString())!.SetValue(options, false);

        var result = new Redactor(options).Analyze(Message);

        Assert.Contains(detail, result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(RedactionPlaceholders.For(kind), result.Text, StringComparison.Ordinal);
        Assert.Equal(10, result.Count);
        Assert.DoesNotContain(kind, result.Kinds);
    }

    [Fact]
    public void By_default_every_kind_is_on()
    {
        var result = Redactor.Default.Analyze(Message);

        Assert.Equal(
            "I'm [name], DOB [date of birth], call [phone] or [email], I live at [address], card [card number], SSN [ssn], member id [id number], insta [online id], seen on [date], I'm [workplace]",
            result.Text);
        Assert.Equal(Enum.GetValues<RedactionKind>().Order(), result.Kinds.Order());
    }

    [Fact]
    public void AddRedaction_binds_the_section_and_registers_one_redactor()
    {
        using var services = Services(new() { ["Redaction:Name"] = "false", ["Redaction:Phone"] = "False" });

        var redactor = services.GetRequiredService<Redactor>();

        Assert.Same(redactor, services.GetRequiredService<Redactor>());
        Assert.Equal("I'm Jane Doe, call 555-201-7789 or [email]", redactor.Redact("I'm Jane Doe, call 555-201-7789 or jane@example.com"));
    }

    [Fact]
    public void AddRedaction_can_switch_redaction_off()
    {
        using var services = Services(new() { ["Redaction:Enabled"] = "false" });

        Assert.Equal(Message, services.GetRequiredService<Redactor>().Redact(Message));
    }

    [Fact]
    public void An_empty_section_redacts_everything()
    {
        using var services = Services([]);

        Assert.Equal("call [phone]", services.GetRequiredService<Redactor>().Redact("call 555-201-7789"));
    }

    [Fact]
    public void Enabled_with_every_kind_off_fails_validation_on_start_naming_the_key()
    {
        var settings = Enum.GetNames<RedactionKind>().ToDictionary(name => $"Redaction:{name}", _ => (string?)"false");
        using var services = Services(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(nameof(RedactionOptions.Enabled), string.Join(' ', error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_phone_region_fails_validation_on_start_naming_the_key()
    {
        using var services = Services(new() { ["Redaction:PhoneRegions:0"] = "US", ["Redaction:PhoneRegions:1"] = "XX" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("'XX'", string.Join(' ', error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void The_phone_regions_decide_which_national_formats_are_read()
    {
        const string German = "Sie erreichen mich unter 0171 2345678 oder 030 23456789";

        Assert.Equal("Sie erreichen mich unter [phone] oder [phone]", new Redactor(new RedactionOptions()).Redact(German));
        Assert.Equal(German, new Redactor(new RedactionOptions { PhoneRegions = ["US"], IdNumber = false }).Redact(German));
    }

    [Fact]
    public void A_long_number_of_a_region_not_read_as_a_phone_is_still_not_stored()
    {
        const string German = "Sie erreichen mich unter 0171 2345678 oder 030 23456789";

        Assert.Equal("Sie erreichen mich unter [id number] oder [id number]", new Redactor(new RedactionOptions { PhoneRegions = ["US"] }).Redact(German));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddRedaction(configuration).BuildServiceProvider();
    }
}
