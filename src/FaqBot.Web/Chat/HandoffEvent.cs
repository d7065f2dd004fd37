using System.Text.Json;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.Schema;
using FaqBot.Core.Answering;
using FaqBot.Core.Safety;

namespace FaqBot.Web.Chat;

/// <summary>The Bot Framework <c>handoff.initiate</c> event sent on every decline: the routing
/// context in <c>value</c> and the conversation so far as a transcript attachment.</summary>
public static class HandoffEvent
{
    public const string Name = "handoff.initiate";

    public static Activity Create(Activity inbound, Answer answer, IReadOnlyList<Activity> transcript) => new()
    {
        Type = ActivityTypes.Event,
        Name = Name,
        RelatesTo = inbound.Reference(),
        Value = new JsonObject
        {
            ["category"] = ContractNames.Category(answer.Category),
            ["rules"] = new JsonArray([.. RuleHit.Fired(answer.Trace.Safety).Select(id => JsonValue.Create(id))]),
            ["reply"] = answer.Trace.ReplyId,
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
