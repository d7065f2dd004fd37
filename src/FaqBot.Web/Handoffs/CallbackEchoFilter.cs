using System.Text.Json.Nodes;
using FaqBot.BotFramework.DirectLine;
using FaqBot.BotFramework.Schema;

namespace FaqBot.Web.Handoffs;

/// <summary>A submitted callback form is kept in the Direct Line conversation (and its store)
/// without the contact details: they are stored with the handoff item only. The turn still reads
/// them from the activity as it was posted. The transcript recorder keeps the same copy.</summary>
public sealed class CallbackEchoFilter : IEchoFilter
{
    /// <summary>What a kept copy holds in place of the contact details.</summary>
    public const string KeptApart = "[kept with the handoff item]";

    /// <summary><paramref name="posted"/> itself, or for a submitted form a copy whose value names the action only.</summary>
    public static Activity WithoutContact(Activity posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        if (CallbackRequest.ActionOf(posted) != CallbackAction.Submit)
        {
            return posted;
        }

        var kept = posted.ShallowCopy();
        kept.Value = new JsonObject { ["action"] = CallbackRequest.SubmitAction, ["contact"] = KeptApart };
        return kept;
    }

    public Activity Kept(Activity posted) => WithoutContact(posted);
}
