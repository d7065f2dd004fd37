using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.KeyRing;

/// <summary>Points data protection at the <see cref="KeyFolder"/> of <see cref="KeyRingOptions.KeysPath"/>.</summary>
internal sealed class KeyRingSetup(IOptions<KeyRingOptions> options) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions keys) => keys.XmlRepository = new KeyFolder(options.Value.KeysPath);
}
