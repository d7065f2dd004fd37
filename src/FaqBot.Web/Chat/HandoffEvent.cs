using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Schema;
using FaqBot.Core.Answering;

namespace FaqBot.Web.Chat;

/// <summary>The Bot Framework <c>handoff.initiate</c> event sent with every turn handed to staff:
/// the answer's <see cref="HandoffDecision"/> as the routing context in <c>value</c> and the
/// conversation so far as a transcript attachment.</summary>
public static class HandoffEvent
{
    public const string Name = "handoff.initiate";

    public static Activity Create(Activity inbound, HandoffDecision decision, IReadOnlyList<Activity> transcript) => new()
    {
        Type = ActivityTypes.Event,
        Name = Name,
        RelatesTo = inbound.Reference(),
        Value = new JsonObject
        {
            ["reason"] = decision.Reason,
            ["category"] = ContractNames.Category(decision.Category),
            ["priority"] = HandoffDecision.Name(decision.Priority),
            ["rules"] = new JsonArray([.. decision.RuleIds.Select(id => JsonValue.Create(id))]),
            ["reply"] = decision.ReplyId,
        },
        Attachments =
        [
            new Attachment
            {
                ContentType = "application/json",
                Name = "Transcript",
                Content = new JsonObject { ["activities"] = JsonSerializer.SerializeToNode(transcript, ActivityJson.Options) },
            },
        ],
    };
}
