using System.ComponentModel.DataAnnotations;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>Section <c>DirectLine</c>: the built-in Direct Line 3.0 channel.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>The secret a trusted backend uses for <c>tokens/generate</c> and to start
    /// conversations. Empty turns secret access off; the page's anonymous token endpoint still works.
    /// Set it from the environment (<c>DirectLine__Secret</c>), never in the file.</summary>
    public string Secret { get; set; } = "";

    /// <summary>How long a token lives. Clients refresh every 15 minutes, so it must be longer.</summary>
    [Range(16, 1440)]
    public int TokenLifetimeMinutes { get; set; } = 30;

    /// <summary>How soon after a conversation's token was issued it may be refreshed again (clients
    /// refresh every 15 minutes); an earlier refresh is answered 429 with Retry-After.</summary>
    [Range(0, 900)]
    public int MinSecondsBetweenRefreshes { get; set; } = 60;

    /// <summary>How long a refreshed token's predecessor keeps working, for calls already in flight
    /// when it was replaced. 0 revokes it at once.</summary>
    [Range(0, 300)]
    public int ReplacedTokenGraceSeconds { get; set; } = 30;

    /// <summary>A conversation nobody has used for this long is dropped from memory.</summary>
    [Range(1, 10080)]
    public int ConversationIdleMinutes { get; set; } = 120;

    /// <summary>How many recent activities each conversation keeps for polling clients.</summary>
    [Range(10, 100000)]
    public int MaxActivitiesKept { get; set; } = 500;

    /// <summary>How many bytes of activities (as JSON) each conversation keeps for polling clients,
    /// at most; older ones go first, the latest is always kept.</summary>
    [Range(64 * 1024, 64 * 1024 * 1024)]
    public int MaxBytesKept { get; set; } = 256 * 1024;

    /// <summary>Largest activity a client may post, in bytes (413 above it).</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    [Required(AllowEmptyStrings = false)]
    public string BotId { get; set; } = "faqbot";

    [Required(AllowEmptyStrings = false)]
    public string BotName { get; set; } = "Clinic assistant";
}
