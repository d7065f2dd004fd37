using System.Text.Json.Serialization;
using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>Body of <c>tokens/generate</c> and <c>conversations</c>; every field optional.</summary>
public sealed class StartRequest
{
    public ChannelAccount? User { get; set; }

    public string? Locale { get; set; }
}

public sealed record ConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

public sealed record ResourceResponse(string Id);
