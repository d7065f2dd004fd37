namespace FaqBot.Storage.Transcripts;

/// <summary>Where conversations are kept for reviewers and staff. Everything handed to it is
/// already redacted; patient text is kept encrypted at rest (<see cref="StoredText"/>) and comes
/// back readable. <see cref="TranscriptStore"/> keeps them on either database (<see cref="Database.IStoreDatabase"/>).</summary>
public interface ITranscriptStore
{
    /// <summary>Stores one turn; when the task completes the turn is durable (it survives the
    /// process being killed).</summary>
    Task AppendAsync(TurnRecord record, CancellationToken cancellationToken);

    /// <summary>Feedback on the answer to the message <paramref name="inboundActivityId"/>; false
    /// when no such turn is stored.</summary>
    Task<bool> RecordFeedbackAsync(string conversationId, string inboundActivityId, Feedback feedback, DateTimeOffset at, CancellationToken cancellationToken);

    Task<ConversationList> ListAsync(ConversationFilter filter, CancellationToken cancellationToken);

    Task<ConversationDetail?> GetAsync(string conversationId, CancellationToken cancellationToken);

    Task<bool> SetReviewedAsync(string conversationId, bool reviewed, string by, DateTimeOffset at, CancellationToken cancellationToken);

    Task<bool> SetTagsAsync(string conversationId, IReadOnlyList<string> tags, CancellationToken cancellationToken);

    Task<bool> SetNoteAsync(string conversationId, string note, CancellationToken cancellationToken);

    /// <summary>The handoff queue: highest priority first, then oldest first; closed items only when asked.</summary>
    Task<IReadOnlyList<HandoffItemView>> HandoffsAsync(bool includeClosed, CancellationToken cancellationToken);

    /// <summary>One handoff item, or null.</summary>
    Task<HandoffItemView?> HandoffAsync(long handoffId, CancellationToken cancellationToken);

    /// <summary>The contact details given with a handoff item to be called back, opened; null when
    /// there are none. Only for the roles that work the queue, and every read is audited by the caller.</summary>
    Task<Handoffs.CallbackContact?> CallbackContactAsync(long handoffId, CancellationToken cancellationToken);

    Task<bool> SetHandoffStatusAsync(long handoffId, HandoffStatus status, string by, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<UnansweredQuestion>> UnansweredAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Deletes every conversation whose last activity is before <paramref name="cutoff"/>;
    /// returns how many (0 while another host sharing the database is purging).</summary>
    Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes one conversation and everything about it (a patient's deletion request).</summary>
    Task<bool> DeleteConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>How many activities are stored in all (reliability checks).</summary>
    Task<long> CountActivitiesAsync(CancellationToken cancellationToken);
}
