using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FaqBot.Storage.KeyRing;

/// <summary>How the data-protection keys (which sign and encrypt the staff cookie, antiforgery
/// tokens and notices) are protected at rest.</summary>
public enum KeyProtection
{
    /// <summary>DPAPI on Windows; the certificate when <see cref="KeyRingOptions.CertificatePath"/> is
    /// set elsewhere; otherwise only the folder's permissions (0700, files 0600).</summary>
    Auto,

    /// <summary>Windows DPAPI, for the account the host runs as (Windows only).</summary>
    Dpapi,

    /// <summary>Encrypted to the X.509 certificate at <see cref="KeyRingOptions.CertificatePath"/>.</summary>
    Certificate,

    /// <summary>Not encrypted: only the folder's permissions protect the keys.</summary>
    None,
}

/// <summary>Section <c>DataProtection</c>: where the host keeps its data-protection key ring and
/// how the keys are protected there. By default the keys live beside the database, in
/// <c>keys/</c> under <c>Storage:DataPath</c>, so a restart (or another host on the same data
/// folder) reads the same keys and signed-in staff stay signed in.</summary>
public sealed class KeyRingOptions : IValidatableObject
{
    public const string Section = "DataProtection";

    /// <summary>The folder of the key ring beside the database when <see cref="KeysPath"/> is empty.</summary>
    public const string DefaultFolder = "keys";

    /// <summary>Folder of the key ring; empty means <c>keys</c> under <c>Storage:DataPath</c>. A
    /// relative path is resolved against the content root.</summary>
    public string KeysPath { get; set; } = "";

    /// <summary>No folder was named: hosts sharing a PostgreSQL database keep the ring there
    /// (<c>dataprotection_keys</c>); a single SQLite host keeps it in the default folder.</summary>
    public bool InDatabase { get; set; }

    public KeyProtection ProtectKeysWith { get; set; } = KeyProtection.Auto;

    /// <summary>A PKCS#12 (.pfx) file holding a certificate and its private key, to encrypt the keys
    /// at rest with; relative to the content root.</summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The password of <see cref="CertificatePath"/>; a secret: set it through the
    /// environment (<c>DataProtection__CertificatePassword</c>), never in the file.</summary>
    public string CertificatePassword { get; set; } = "";

    /// <summary>What <see cref="ProtectKeysWith"/> comes to on this machine.</summary>
    public KeyProtection Protection => ProtectKeysWith switch
    {
        KeyProtection.Auto when OperatingSystem.IsWindows() => KeyProtection.Dpapi,
        KeyProtection.Auto when CertificatePath.Length > 0 => KeyProtection.Certificate,
        KeyProtection.Auto => KeyProtection.None,
        var chosen => chosen,
    };

    /// <summary>The certificate of <see cref="CertificatePath"/> (the caller disposes it).</summary>
    public X509Certificate2 LoadCertificate() =>
        X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword.Length == 0 ? null : CertificatePassword);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (File.Exists(KeysPath))
        {
            yield return Problem($"{Section}:{nameof(KeysPath)}: {KeysPath} is a file; the key ring needs a folder.", nameof(KeysPath));
        }

        if (!Enum.IsDefined(ProtectKeysWith))
        {
            yield return Problem($"{Section}:{nameof(ProtectKeysWith)} must be one of {string.Join(", ", Enum.GetNames<KeyProtection>())}.", nameof(ProtectKeysWith));
        }
        else if (ProtectKeysWith == KeyProtection.Dpapi && !OperatingSystem.IsWindows())
        {
            yield return Problem($"{Section}:{nameof(ProtectKeysWith)} is Dpapi, which only Windows has; use Certificate (with {Section}:{nameof(CertificatePath)}) or None.", nameof(ProtectKeysWith));
        }
        else if (Protection == KeyProtection.Certificate && CertificateProblem() is { } problem)
        {
            yield return Problem(problem, nameof(CertificatePath));
        }
    }

    /// <summary>Resolves a relative <see cref="CertificatePath"/> against the content root.</summary>
    internal void ResolveCertificate(string contentRoot) =>
        CertificatePath = CertificatePath.Length == 0 ? "" : Core.Configuration.ContentRoot.Resolve(contentRoot, CertificatePath);

    /// <summary>Why the certificate cannot protect the keys, or null when it can.</summary>
    internal string? CertificateProblem()
    {
        if (CertificatePath.Length == 0)
        {
            return $"{Section}:{nameof(ProtectKeysWith)} is Certificate but {Section}:{nameof(CertificatePath)} is not set.";
        }

        if (!File.Exists(CertificatePath))
        {
            return $"{Section}:{nameof(CertificatePath)}: there is no file {CertificatePath}.";
        }

        try
        {
            using var certificate = LoadCertificate();
            return certificate.HasPrivateKey
                ? null
                : $"{Section}:{nameof(CertificatePath)}: {CertificatePath} holds no private key; the keys could be encrypted but never read back.";
        }
        catch (CryptographicException ex)
        {
            return $"{Section}:{nameof(CertificatePath)}: {CertificatePath} cannot be read as a PKCS#12 file with the configured password ({ex.Message}).";
        }
    }

    private static ValidationResult Problem(string message, string member) => new(message, [member]);
}
