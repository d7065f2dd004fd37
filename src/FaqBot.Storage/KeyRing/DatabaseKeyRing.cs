using System.Xml.Linq;
using FaqBot.Storage.Database;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace FaqBot.Storage.KeyRing;

/// <summary>The key ring in the shared database (<c>dataprotection_keys</c>), so every host signs
/// and reads staff cookies, antiforgery tokens and encrypted fields with the same keys. A key is
/// one row written once; a host that meets a key it does not know reads the ring again. Keys are
/// encrypted at rest only when a certificate or DPAPI is configured (<see cref="KeyRingOptions"/>):
/// otherwise whoever can read the table can read the keys, as with the folder.</summary>
internal sealed class DatabaseKeyRing(IStoreDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.Open();
        using var command = Sql.Command(connection, "SELECT xml FROM dataprotection_keys ORDER BY created_at, name;");
        using var reader = command.ExecuteReader();
        var keys = new List<XElement>();
        while (reader.Read())
        {
            keys.Add(XElement.Parse(reader.GetString(0)));
        }

        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("D") : friendlyName;
        using var connection = database.Open();
        using var command = Sql.Command(connection, """
            INSERT INTO dataprotection_keys (name, xml, created_at) VALUES (@name, @xml, @at)
            ON CONFLICT (name) DO NOTHING;
            """, ("@name", name), ("@xml", element.ToString(SaveOptions.DisableFormatting)), ("@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        command.ExecuteNonQuery();
    }
}
