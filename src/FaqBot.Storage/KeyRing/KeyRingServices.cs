using FaqBot.Core.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.KeyRing;

public static class KeyRingServices
{
    /// <summary>The name every FaqBot host shares its keys under, wherever it is installed (the
    /// default would be the content root path, so moving the install would sign everyone out).</summary>
    public const string ApplicationName = "FaqBot";

    /// <summary>Data protection with its key ring in the data folder (<see cref="KeyRingOptions"/>,
    /// validated at start), or in the database when hosts share a PostgreSQL one and no folder is named, instead of the user profile, and new keys encrypted at rest with DPAPI or
    /// a certificate where that is configured or the platform has it. Part of the storage services,
    /// so the web host and the command line read what the other protected with the same keys.</summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<KeyRingOptions>().Bind(configuration.GetSection(KeyRingOptions.Section))
            .PostConfigure<IOptions<StorageOptions>>((options, storage) =>
            {
                options.InDatabase = options.KeysPath.Length == 0;
                options.KeysPath = options.KeysPath.Length == 0
                    ? Path.Combine(storage.Value.DataPath, KeyRingOptions.DefaultFolder)
                    : ContentRoot.Resolve(contentRoot, options.KeysPath);
                options.ResolveCertificate(contentRoot);
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyRingSetup>();

        // The key encryptor and the certificate that reads keys back are chosen now, because data
        // protection takes them only as objects; settings that do not hold stop the start through
        // the validation above, so nothing is chosen for them here.
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        var section = configuration.GetSection(KeyRingOptions.Section);
        var ring = new KeyRingOptions
        {
            ProtectKeysWith = Enum.TryParse<KeyProtection>(section[nameof(KeyRingOptions.ProtectKeysWith)], ignoreCase: true, out var chosen) ? chosen : KeyProtection.Auto,
            CertificatePath = section[nameof(KeyRingOptions.CertificatePath)] ?? "",
            CertificatePassword = section[nameof(KeyRingOptions.CertificatePassword)] ?? "",
        };
        ring.ResolveCertificate(contentRoot);
        if (ring.Protection == KeyProtection.Dpapi && OperatingSystem.IsWindows())
        {
            protection.ProtectKeysWithDpapi(protectToLocalMachine: false);
        }
        else if (ring.Protection == KeyProtection.Certificate && ring.CertificateProblem() is null)
        {
            protection.ProtectKeysWithCertificate(ring.LoadCertificate());
        }

        return services;
    }
}
