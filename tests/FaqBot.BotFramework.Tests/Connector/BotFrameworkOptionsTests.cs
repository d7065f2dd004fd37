using FaqBot.BotFramework.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Tests.Connector;

public sealed class BotFrameworkOptionsTests
{
    [Fact]
    public async Task An_app_id_without_a_password_stops_the_host_at_start()
    {
        var settings = ConnectorHost.Authenticated();
        settings.Remove("BotFramework:MicrosoftAppPassword");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ConnectorHost.StartAsync(settings));

        Assert.Contains("MicrosoftAppPassword is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_without_an_app_id_stops_the_host_at_start()
    {
        var settings = ConnectorHost.Local();
        settings["BotFramework:MicrosoftAppPassword"] = "secret";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ConnectorHost.StartAsync(settings));

        Assert.Contains("MicrosoftAppId is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_match_the_public_cloud()
    {
        var options = new BotFrameworkOptions();

        Assert.False(options.AuthEnabled);
        Assert.Equal(["https://api.botframework.com"], options.EffectiveIssuers());
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", options.TokenEndpoint().AbsoluteUri);
        Assert.Equal(256 * 1024, options.MaxActivityBytes);
        Assert.True(new BotFrameworkOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Configured_issuers_replace_the_default_and_the_tenant_goes_into_the_token_endpoint()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BotFramework:ValidIssuers:0"] = "https://api.botframework.us",
            ["BotFramework:MicrosoftAppTenantId"] = "0d6b1f2e-tenant",
        }).Build();
        var options = configuration.GetSection(BotFrameworkOptions.Section).Get<BotFrameworkOptions>()!;

        Assert.Equal(["https://api.botframework.us"], options.EffectiveIssuers());
        Assert.Equal("https://login.microsoftonline.com/0d6b1f2e-tenant/oauth2/v2.0/token", options.TokenEndpoint().AbsoluteUri);
    }

    [Theory]
    [InlineData("http://login.example.test/openid")]
    [InlineData("not a url")]
    public void Metadata_must_come_over_https(string url)
    {
        var result = new BotFrameworkOptionsValidator().Validate(null, new BotFrameworkOptions { OpenIdMetadataUrl = url });

        Assert.True(result.Failed);
        Assert.Contains("OpenIdMetadataUrl", result.FailureMessage, StringComparison.Ordinal);
    }
}
