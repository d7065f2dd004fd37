using System.Text.Json.Nodes;
using FaqBot.BotFramework.DirectLine;
using FaqBot.BotFramework.Schema;
using FaqBot.Web.Transcripts;

namespace FaqBot.Web.Handoffs;

/// <summary>A submitted callback form is kept in the Direct Line conversation (and its store)
/// without the contact details: they are stored with the handoff item only. The turn still reads
/// them from the activity as it was posted.</summary>
public sealed class CallbackEchoFilter : IEchoFilter
{
    public Activity Kept(Activity posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        if (CallbackRequest.ActionOf(posted) != CallbackAction.Submit)
        {
            return posted;
        }

        var kept = posted.ShallowCopy();
        kept.Value = new JsonObject { ["action"] = CallbackRequest.SubmitAction, ["contact"] = TranscriptRedaction.KeptApart };
        return kept;
    }
}
