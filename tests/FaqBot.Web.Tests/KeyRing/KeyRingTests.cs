using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FaqBot.Storage.Accounts;
using FaqBot.Web.Accounts;
using FaqBot.Storage.KeyRing;
using FaqBot.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.KeyRing;

/// <summary>The data-protection keys that sign the staff cookie live in the data folder, readable
/// only by the host's account, optionally encrypted to a certificate; a restart on the same data
/// folder keeps staff signed in.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "faqbot-keyring-tests", Guid.NewGuid().ToString("N"));

    private string KeysPath => Path.Combine(_dataPath, KeyRingOptions.DefaultFolder);

    [Fact]
    public async Task The_keys_land_in_the_data_folder_readable_only_by_the_host()
    {
        await using var factory = Host();
        await SignInAsync(factory);

        var files = Directory.GetFiles(KeysPath, "*.xml");

        Assert.NotEmpty(files);
        Assert.Contains("<masterKey", await File.ReadAllTextAsync(files[0]), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(KeysPath));
            foreach (var file in files)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task Looser_permissions_left_on_the_key_folder_are_narrowed_at_start()
    {
        Directory.CreateDirectory(KeysPath);
        await using (var first = Host())
        {
            await SignInAsync(first);
        }

        var file = Directory.GetFiles(KeysPath, "*.xml")[0];
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeysPath, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
        }

        await using (var second = Host())
        {
            await SignInAsync(second);
        }

        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(KeysPath));
            Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task A_cookie_issued_before_a_restart_works_after_it_and_only_with_the_keys_of_the_data_folder()
    {
        string cookie;
        await using (var before = Host())
        {
            cookie = await SignInAsync(before);
        }

        HttpStatusCode afterRestart;
        await using (var after = Host())
        {
            afterRestart = (await after.ReplayAsync(cookie, StaffRoutes.Home)).StatusCode;
        }

        Directory.Delete(KeysPath, recursive: true);
        await using var withoutKeys = Host();
        var lostKeys = await withoutKeys.ReplayAsync(cookie, StaffRoutes.Home);

        Assert.Equal(HttpStatusCode.OK, afterRestart);
        Assert.Equal(HttpStatusCode.Redirect, lostKeys.StatusCode);
    }

    [Fact]
    public async Task With_a_certificate_the_keys_are_encrypted_at_rest_and_read_back_after_a_restart()
    {
        var (certificate, password) = WriteCertificate();
        string cookie;
        await using (var before = Host().WithCertificate(certificate, password))
        {
            cookie = await SignInAsync(before);
        }

        var key = await File.ReadAllTextAsync(Directory.GetFiles(KeysPath, "*.xml")[0]);
        await using var after = Host().WithCertificate(certificate, password);
        var replayed = await after.ReplayAsync(cookie, StaffRoutes.Home);

        Assert.Contains("<encryptedSecret", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
    }

    [Theory]
    [InlineData("Certificate", "", "CertificatePath is not set")]
    [InlineData("Certificate", "no-such-certificate.pfx", "there is no file")]
    [InlineData("Sometimes", "", "DataProtection:ProtectKeysWith")]
    public void Key_protection_that_cannot_work_stops_the_host_at_start(string protectWith, string certificatePath, string reason)
    {
        using var factory = Host().With("DataProtection:ProtectKeysWith", protectWith).With("DataProtection:CertificatePath", certificatePath);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(reason, Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Dpapi_is_refused_where_there_is_none()
    {
        using var factory = Host().With("DataProtection:ProtectKeysWith", "Dpapi");

        if (OperatingSystem.IsWindows())
        {
            using var client = factory.CreateClient();
            Assert.NotNull(client);
        }
        else
        {
            var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            Assert.Contains("only Windows has", Messages(error), StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    /// <summary>Every message down the chain of inner exceptions.</summary>
    private static string Messages(Exception? error)
    {
        var messages = new List<string>();
        for (; error is not null; error = error.InnerException)
        {
            messages.Add(error.Message);
        }

        return string.Join(" | ", messages);
    }

    private FaqBotFactory Host() => new FaqBotFactory().With("Storage:DataPath", _dataPath);

    /// <summary>Signs a member in (adding the account on the first call) and returns the staff cookie.</summary>
    private static async Task<string> SignInAsync(FaqBotFactory factory)
    {
        if (await factory.Services.GetRequiredService<AccountStore>().FindAsync("alice", CancellationToken.None) is null)
        {
            await factory.CreateUserAsync("alice", Roles.Reviewer);
        }

        return await factory.CreateBrowserLikeClient().StaffCookieAsync("alice");
    }

    /// <summary>A self-signed certificate with its private key, as a password-protected .pfx file.</summary>
    private (string Path, string Password) WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=FaqBot key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        Directory.CreateDirectory(_dataPath);
        var path = Path.Combine(_dataPath, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return (path, password);
    }
}

internal static class CertificateSettings
{
    public static FaqBotFactory WithCertificate(this FaqBotFactory factory, string path, string password) => factory
        .With("DataProtection:ProtectKeysWith", "Certificate")
        .With("DataProtection:CertificatePath", path)
        .With("DataProtection:CertificatePassword", password);
}
