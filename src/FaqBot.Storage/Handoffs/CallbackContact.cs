using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace FaqBot.Storage.Handoffs;

/// <summary>How a patient asked to be called back: given with their consent, to the wording of
/// <see cref="ConsentReplyId"/> at <see cref="ConsentVersion"/>. <see cref="Phone"/> is in E.164
/// form (<c>+19138719888</c>); <see cref="Phone"/> or <see cref="Email"/> may be empty, not both.</summary>
public sealed record CallbackContact(
    string Name,
    string Phone,
    string Email,
    string BestTime,
    string ConsentReplyId,
    int ConsentVersion,
    DateTimeOffset ConsentAt)
{
    /// <summary>The contact with most of each detail hidden, for operators' listings: the name's
    /// initial, the phone's last two digits, the e-mail's first letter and domain.</summary>
    public CallbackContact Masked() => this with
    {
        Name = Name.Length == 0 ? "" : Name[..1] + "…",
        Phone = Phone.Length <= 2 ? Phone : "…" + Phone[^2..],
        Email = Email.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? Email[..1] + "…" + Email[at..] : "",
        BestTime = BestTime.Length == 0 ? "" : "…",
    };
}

/// <summary>Seals contact details for the handoff item they belong to, and opens them again: always
/// encrypted with the data-protection key ring under a purpose of their own, whatever
/// <c>Transcripts:EncryptAtRest</c> says, so they are never in clear in the database, its
/// write-ahead log or a copy of either. Transcript readers (pages, exports) use another purpose and
/// cannot open them.</summary>
public sealed class CallbackContacts(IDataProtectionProvider provider)
{
    public const string Purpose = "FaqBot.Handoffs.CallbackContact.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Seal(CallbackContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return _protector.Protect(JsonSerializer.Serialize(contact));
    }

    /// <summary>The contact, or null when it was sealed with a key this host does not have or is damaged.</summary>
    public CallbackContact? TryOpen(string sealedContact)
    {
        ArgumentNullException.ThrowIfNull(sealedContact);
        try
        {
            return JsonSerializer.Deserialize<CallbackContact>(_protector.Unprotect(sealedContact));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
