using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Connector;

/// <summary>The rules between keys that attributes cannot say: credentials come in pairs, so a
/// half-configured production bot fails at start instead of running with authentication off.</summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var failures = new List<string>();
        var hasId = !string.IsNullOrWhiteSpace(options.MicrosoftAppId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        if (hasId && !hasPassword)
        {
            failures.Add("BotFramework:MicrosoftAppPassword is required when BotFramework:MicrosoftAppId is set; "
                + "set it from the environment (BotFramework__MicrosoftAppPassword).");
        }

        if (!hasId && hasPassword)
        {
            failures.Add("BotFramework:MicrosoftAppPassword is set but BotFramework:MicrosoftAppId is empty, which would run "
                + "/api/messages without authentication. Set the app id, or remove the password for local (Emulator) mode.");
        }

        if (!IsHttpsOrLoopback(options.OpenIdMetadataUrl))
        {
            failures.Add($"BotFramework:OpenIdMetadataUrl '{options.OpenIdMetadataUrl}' must be an absolute https URL (http only for localhost).");
        }

        if (!TryTokenEndpoint(options, out var endpoint) || !IsHttpsOrLoopback(endpoint))
        {
            failures.Add($"BotFramework:TokenEndpointTemplate '{options.TokenEndpointTemplate}' must give an absolute https URL (http only for localhost).");
        }

        if (options.ValidIssuers.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("BotFramework:ValidIssuers must not contain empty entries.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsHttpsOrLoopback(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsHttpsOrLoopback(uri);

    private static bool IsHttpsOrLoopback(Uri? uri) =>
        uri is not null && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    private static bool TryTokenEndpoint(BotFrameworkOptions options, out Uri? endpoint)
    {
        try
        {
            endpoint = options.TokenEndpoint();
            return true;
        }
        catch (UriFormatException)
        {
            endpoint = null;
            return false;
        }
    }
}
