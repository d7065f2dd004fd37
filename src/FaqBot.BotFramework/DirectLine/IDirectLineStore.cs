namespace FaqBot.BotFramework.DirectLine;

/// <summary>A conversation as the store gives it back: its user, whether it was started, when it
/// was last used, how many activities were ever appended (the watermark), the most recent ones as
/// their JSON (oldest first) and the last timestamp given.</summary>
public sealed record StoredConversation(
    string Id,
    string UserId,
    bool Started,
    DateTimeOffset LastUsed,
    long Appended,
    IReadOnlyList<byte[]> Recent,
    DateTimeOffset LastStamp);

/// <summary>An activity as a shared store numbered, stamped and kept it.</summary>
public sealed record SequencedActivity(long Sequence, DateTimeOffset Stamp, byte[] Json);

/// <summary>Where Direct Line state outlives the process: conversations, their activities and their
/// token grants are written here before the call that made them is acknowledged, and read back
/// when a conversation or a token this process does not hold is asked for (after a restart). The
/// in-memory conversations stay as the cache that polls are served from. Without a store
/// (<see cref="None"/>) everything lives and dies with the process. A <see cref="Shared"/> store
/// is used by several hosts at once: then the store, not this process's memory, numbers a
/// conversation's activities, every poll first reads what other hosts appended, and token grants
/// are read from it on every request. Every call is asynchronous: a request waiting on the
/// database holds no thread.</summary>
public interface IDirectLineStore
{
    /// <summary>No store: state lives in memory only.</summary>
    static IDirectLineStore None { get; } = new NoStore();

    /// <summary>Whether other hosts may write the same conversations at the same time.</summary>
    bool Shared => false;

    /// <summary>Shared stores: appends the conversation's next activity under a lock on the
    /// conversation, numbered after every activity any host appended and stamped later than all of
    /// them; <paramref name="serialize"/> writes the activity with that number and stamp.</summary>
    Task<SequencedActivity> AppendNextAsync(string conversationId, DateTimeOffset now, Func<long, DateTimeOffset, byte[]> serialize) =>
        throw new NotSupportedException("Only a shared store numbers activities.");

    /// <summary>Shared stores: the latest activities (at most <paramref name="max"/>, oldest first)
    /// numbered <paramref name="from"/> or later.</summary>
    Task<IReadOnlyList<SequencedActivity>> LoadSinceAsync(string conversationId, long from, int max) => Task.FromResult<IReadOnlyList<SequencedActivity>>([]);

    /// <summary>Shared stores: marks the conversation started; true only for the first caller on any host.</summary>
    Task<bool> MarkStartedAsync(string conversationId, DateTimeOffset at) =>
        throw new NotSupportedException("Only a shared store starts conversations.");

    Task SaveConversationAsync(string id, string userId, bool started, DateTimeOffset at);

    /// <summary>Appends activity number <paramref name="sequence"/> (0-based) of the conversation.</summary>
    Task AppendActivityAsync(string conversationId, long sequence, byte[] json, DateTimeOffset at);

    /// <summary>Records that the conversation was used (its idle time starts again).</summary>
    Task TouchAsync(string conversationId, DateTimeOffset at);

    /// <summary>Stores the grant unless the store holds one of its generation or later (another host
    /// refreshed first); true when stored.</summary>
    Task<bool> SaveGrantAsync(ConversationGrant grant);

    /// <summary>The conversation with at most <paramref name="maxKept"/> of its latest activities, or null.</summary>
    Task<StoredConversation?> LoadConversationAsync(string id, int maxKept);

    Task<ConversationGrant?> LoadGrantAsync(string conversationId);

    /// <summary>Deletes the conversations (with their activities and grants) not used since <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteIdleAsync(DateTimeOffset cutoff);

    private sealed class NoStore : IDirectLineStore
    {
        public Task SaveConversationAsync(string id, string userId, bool started, DateTimeOffset at) => Task.CompletedTask;

        public Task AppendActivityAsync(string conversationId, long sequence, byte[] json, DateTimeOffset at) => Task.CompletedTask;

        public Task TouchAsync(string conversationId, DateTimeOffset at) => Task.CompletedTask;

        public Task<bool> SaveGrantAsync(ConversationGrant grant) => Task.FromResult(true);

        public Task<StoredConversation?> LoadConversationAsync(string id, int maxKept) => Task.FromResult<StoredConversation?>(null);

        public Task<ConversationGrant?> LoadGrantAsync(string conversationId) => Task.FromResult<ConversationGrant?>(null);

        public Task<int> DeleteIdleAsync(DateTimeOffset cutoff) => Task.FromResult(0);
    }
}
