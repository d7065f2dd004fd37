using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FaqBot.BotFramework.Tests.Connector;

/// <summary>A local stand-in for login.botframework.com: an RSA key published with endorsements in
/// a JWKS behind an OpenID metadata document, and tokens shaped like the Bot Connector's.</summary>
internal static class TestTokens
{
    public const string AppId = "clinic-bot-app-id";
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "key-1";
    public const string MetadataUrl = "https://login.test/v1/.well-known/openidconfiguration";
    public const string KeysUrl = "https://login.test/v1/.well-known/keys";

    public static readonly string[] Endorsements = ["webchat", "msteams", "directline"];

    private static readonly string[] Algorithms = ["RS256"];
    private static readonly RSA Published = RSA.Create(2048);
    private static readonly RSA Stranger = RSA.Create(2048);

    public static void Serve(FakeHttp http)
    {
        http.Route(MetadataUrl, _ => FakeHttp.Json(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = "https://invalid.test",
            ["jwks_uri"] = KeysUrl,
            ["id_token_signing_alg_values_supported"] = Algorithms,
        })));
        var key = Published.ExportParameters(includePrivateParameters: false);
        http.Route(KeysUrl, _ => FakeHttp.Json(JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(key.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(key.Exponent),
                    ["endorsements"] = Endorsements,
                },
            },
        })));
    }

    /// <summary>A token as the service signs it; each argument spoils one property.</summary>
    public static string Create(
        string serviceUrl,
        string audience = AppId,
        string issuer = Issuer,
        DateTime? expires = null,
        bool signedByStranger = false)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        var key = new RsaSecurityKey(signedByStranger ? Stranger : Published) { KeyId = KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-1),
            NotBefore = expiry.AddHours(-1),
            Expires = expiry,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
