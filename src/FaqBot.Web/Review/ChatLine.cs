using System.Text.Json.Nodes;
using FaqBot.Storage.Transcripts;

namespace FaqBot.Web.Review;

/// <summary>One stored activity as the conversation view shows it: who, when, what kind, the text,
/// and what came with it (citations, suggested actions, attachments), read from its stored JSON.</summary>
public sealed record ChatLine(
    string? ActivityId,
    bool FromBot,
    string Type,
    string? Name,
    DateTimeOffset At,
    string Text,
    IReadOnlyList<string> Citations,
    IReadOnlyList<string> Suggestions,
    IReadOnlyList<string> Attachments,
    StoredTurn? Turn)
{
    /// <summary>The sender's name as the activity gives it (a staff member's in a live chat).</summary>
    public string Sender { get; init; } = "";

    public static IReadOnlyList<ChatLine> From(ConversationDetail conversation)
    {
        var byReply = conversation.Turns.Where(t => t.Summary.ReplyActivityId is not null)
            .GroupBy(t => t.Summary.ReplyActivityId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byInbound = conversation.Turns.Where(t => t.Summary.InboundActivityId is not null && t.Summary.ReplyActivityId is null)
            .GroupBy(t => t.Summary.InboundActivityId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return [.. conversation.Activities.Select(activity =>
        {
            var turn = activity.ActivityId is { } id ? byReply.GetValueOrDefault(id) ?? byInbound.GetValueOrDefault(id) : null;
            return Read(activity, turn);
        })];
    }

    private static ChatLine Read(StoredActivity activity, StoredTurn? turn)
    {
        var json = StoredJson.Object(activity.Json);
        var citations = json["entities"] is JsonArray entities
            ? entities.OfType<JsonObject>().Where(e => (string?)e["@type"] == "Message")
                .SelectMany(e => e["citation"] as JsonArray ?? [])
                .OfType<JsonObject>().Select(c => StoredJson.Text(c["appearance"]?["name"])).Where(n => n.Length > 0).ToList()
            : [];
        var suggestions = json["suggestedActions"]?["actions"] is JsonArray actions
            ? actions.OfType<JsonObject>().Select(a => StoredJson.Text(a["title"])).Where(t => t.Length > 0).ToList()
            : [];
        var attachments = json["attachments"] is JsonArray list
            ? list.OfType<JsonObject>().Select(a => $"{StoredJson.Text(a["name"])} ({StoredJson.Text(a["contentType"])})").ToList()
            : [];
        return new ChatLine(
            activity.ActivityId, activity.Direction == ActivityDirection.Out, activity.Type, StoredJson.Text(json["name"]), activity.At,
            StoredJson.Text(json["text"]), citations, suggestions, attachments, turn)
        {
            Sender = StoredJson.Text(json["from"]?["name"]),
        };
    }
}
