using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.Storage.Transcripts;

/// <summary>Patient text as the store keeps it. Redaction cannot catch every personal detail, so
/// the text is also encrypted at rest: protected with the data-protection key ring (the keys in the
/// data folder) under a purpose of its own and marked with <see cref="Marker"/>. Reading takes a
/// marked value or a plain one (written before encryption, or with
/// <c>Transcripts:EncryptAtRest</c> false) alike; a value protected with a key this host does not
/// have reads as <see cref="Unreadable"/>, never as an error.</summary>
public sealed partial class StoredText
{
    /// <summary>The data-protection purpose of stored patient text; nothing else can read it.</summary>
    public const string Purpose = "FaqBot.Transcripts.StoredText.v1";

    /// <summary>What a protected value begins with (the rest is the protected payload, base64url).</summary>
    public const string Marker = "dp1:";

    /// <summary>What a reader sees instead of a value whose key is not in this host's key ring.</summary>
    public const string Unreadable = "[unreadable: protected with a key this host does not have]";

    private readonly IDataProtector _protector;
    private readonly ILogger<StoredText> _log;
    private int _unreadableSeen;

    public StoredText(IDataProtectionProvider provider, IOptions<TranscriptOptions> options, ILogger<StoredText> log)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(options);
        _protector = provider.CreateProtector(Purpose);
        _log = log;
        Encrypts = options.Value.EncryptAtRest;
    }

    /// <summary>Whether new text is written protected (<c>Transcripts:EncryptAtRest</c>).</summary>
    public bool Encrypts { get; }

    /// <summary>Whether a stored value is protected (else it is plain text).</summary>
    public static bool IsProtected(string stored) => stored.StartsWith(Marker, StringComparison.Ordinal);

    /// <summary>The value to store for <paramref name="text"/>: protected when encryption is on. The
    /// empty text stays empty; plain text that happens to begin with <see cref="Marker"/> is
    /// protected whatever the setting, so that it reads back as itself.</summary>
    public string Protect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && (Encrypts || IsProtected(text)) ? Seal(text) : text;
    }

    /// <summary>The value protected whatever the setting (empty text aside).</summary>
    public string Seal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : Marker + _protector.Protect(text);
    }

    /// <summary>The text of a stored value, or null when it was protected with a key this host
    /// does not have (deleted keys, a database copied without its keys) or is damaged.</summary>
    public string? TryRead(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!IsProtected(stored))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Marker.Length..]);
        }
        catch (CryptographicException ex)
        {
            // Once as a warning (keys lost or a copied database), then at debug: a page can hold many such values.
            if (Interlocked.Exchange(ref _unreadableSeen, 1) == 0)
            {
                LogUnreadable(_log, ex.Message);
            }
            else
            {
                LogUnreadableAgain(_log, ex.Message);
            }

            return null;
        }
    }

    /// <summary>The text of a stored value, or <see cref="Unreadable"/>.</summary>
    public string Read(string stored) => TryRead(stored) ?? Unreadable;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored transcript value could not be decrypted and is shown as unreadable (further ones are logged at debug level): {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A stored transcript value could not be decrypted: {Reason}")]
    private static partial void LogUnreadableAgain(ILogger logger, string reason);
}
