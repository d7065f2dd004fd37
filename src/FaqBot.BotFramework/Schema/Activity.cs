using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FaqBot.BotFramework.Schema;

/// <summary>A Bot Framework activity (schema v3). Known fields are typed; any other field a
/// channel sends is kept in <see cref="Extra"/> and written back unchanged.</summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    public string? LocalTimestamp { get; set; }

    public string? LocalTimezone { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? InputHint { get; set; }

    public List<Attachment>? Attachments { get; set; }

    public string? AttachmentLayout { get; set; }

    /// <summary>Entities stay raw JSON: receivers ignore types they do not know.</summary>
    public List<JsonObject>? Entities { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    public string? ReplyToId { get; set; }

    public string? Name { get; set; }

    public JsonNode? Value { get; set; }

    public ConversationReference? RelatesTo { get; set; }

    public JsonObject? ChannelData { get; set; }

    public List<ChannelAccount>? MembersAdded { get; set; }

    public List<ChannelAccount>? MembersRemoved { get; set; }

    public string? Code { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>A copy whose top-level fields can be changed without touching this one.</summary>
    public Activity ShallowCopy() => (Activity)MemberwiseClone();

    /// <summary>Web Chat's own id for an activity it sent, echoed so it can mark the send done.</summary>
    [JsonIgnore]
    public string? ClientActivityId =>
        ChannelData?["clientActivityID"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;

    public ConversationReference Reference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };
}
