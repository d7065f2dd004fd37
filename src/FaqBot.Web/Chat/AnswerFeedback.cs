using System.Text.Json.Nodes;
using FaqBot.BotFramework.Schema;

namespace FaqBot.Web.Chat;

/// <summary>A patient's verdict on an answer. Web Chat draws thumbs up and down for the
/// <c>LikeAction</c> and <c>DislikeAction</c> in an answer's Message entity and, when one is
/// pressed, posts an event named <see cref="EventName"/> carrying that action; the action's
/// <c>object</c> names the message the answer replied to.</summary>
public sealed record AnswerFeedback(string InboundActivityId, bool Helpful)
{
    public const string EventName = "webchat:activity-status/feedback";

    /// <summary>The actions to put in the answer's Message entity.</summary>
    public static JsonArray Actions(string inboundActivityId) =>
    [
        Action("LikeAction", inboundActivityId),
        Action("DislikeAction", inboundActivityId),
    ];

    /// <summary>The feedback an event carries, or null when it is not well formed.</summary>
    public static AnswerFeedback? From(Activity activity)
    {
        if (activity.Type != ActivityTypes.Event || activity.Name != EventName || activity.Entities is not [var action, ..])
        {
            return null;
        }

        var helpful = (string?)action["@type"] switch
        {
            "LikeAction" => true,
            "DislikeAction" => false,
            _ => (bool?)null,
        };
        return helpful is { } verdict && action["object"]?["@id"]?.GetValue<string>() is { Length: > 0 and <= 256 } inbound
            ? new AnswerFeedback(inbound, verdict)
            : null;
    }

    private static JsonObject Action(string type, string inboundActivityId) => new()
    {
        ["@type"] = type,
        ["@id"] = $"{type}:{inboundActivityId}",
        ["object"] = new JsonObject { ["@id"] = inboundActivityId },
    };
}
