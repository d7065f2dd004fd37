using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FaqBot.BotFramework.Schema;

public sealed class Attachment
{
    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    public JsonNode? Content { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class SuggestedActions
{
    public List<CardAction> Actions { get; set; } = [];

    /// <summary>Who may see the actions; empty means everyone.</summary>
    public List<string>? To { get; set; }
}

/// <summary>A button; <c>imBack</c> sends <see cref="Value"/> as the user's next message.</summary>
public sealed class CardAction
{
    public string? Type { get; set; }

    public string? Title { get; set; }

    public JsonNode? Value { get; set; }

    public string? Text { get; set; }

    public string? DisplayText { get; set; }

    public string? Image { get; set; }

    public static CardAction ImBack(string title, string value) => new() { Type = "imBack", Title = title, Value = JsonValue.Create(value) };
}
