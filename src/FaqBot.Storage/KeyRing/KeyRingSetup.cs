using FaqBot.Storage.Database;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.KeyRing;

/// <summary>Points data protection at the key ring: in the database when hosts share one
/// (PostgreSQL) and no folder was named, else the <see cref="KeyFolder"/> of <see cref="KeyRingOptions.KeysPath"/>.</summary>
internal sealed class KeyRingSetup(IOptions<KeyRingOptions> options, IStoreDatabase database) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions keys) => keys.XmlRepository = options.Value.InDatabase && database.Shared
        ? new DatabaseKeyRing(database)
        : new KeyFolder(options.Value.KeysPath);
}
