using System.Globalization;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Transcripts;

namespace FaqBot.Web.Handoffs;

/// <summary>Moving a handoff item on (new, claimed, contacted, closed), as the queue and the item
/// page both do it: stored with who and when, and written to the audit log.</summary>
public sealed class HandoffStatusChange(ITranscriptStore store, AuditLog audit, TimeProvider time)
{
    /// <summary>The notice for staff, or null when there is no such item or no such status.</summary>
    public async Task<string?> SetAsync(long id, HandoffStatus status, string actor, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(status) || !await store.SetHandoffStatusAsync(id, status, actor, time.GetUtcNow(), cancellationToken))
        {
            return null;
        }

        var name = status.ToString().ToLowerInvariant();
        await audit.AppendAsync(actor, "handoff.status", id.ToString(CultureInfo.InvariantCulture), name, cancellationToken);
        return $"Item {id} is now {name}{(status == HandoffStatus.Claimed ? " by " + actor : "")}.";
    }
}
