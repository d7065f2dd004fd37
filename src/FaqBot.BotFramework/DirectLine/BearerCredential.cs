using Microsoft.Extensions.Primitives;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>The one reading of a Direct Line <c>Authorization</c> header: the scheme
/// <c>Bearer</c> in any letter case, whitespace, then one credential (surrounding whitespace
/// ignored). Any other scheme, a missing or split credential, or several header values is no
/// credential at all.</summary>
public static class BearerCredential
{
    private const string Scheme = "Bearer";

    public static string? Parse(StringValues header)
    {
        if (header.Count != 1 || header[0] is not { } value)
        {
            return null;
        }

        var text = value.AsSpan().Trim();
        if (text.Length <= Scheme.Length || !text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || !char.IsWhiteSpace(text[Scheme.Length]))
        {
            return null;
        }

        var credential = text[Scheme.Length..].Trim();
        foreach (var ch in credential)
        {
            if (char.IsWhiteSpace(ch))
            {
                return null;
            }
        }

        return credential.Length == 0 ? null : credential.ToString();
    }
}
