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

/// <summary>Where Direct Line state outlives the process: conversations, their activities and their
/// token grants are written here before the call that made them is acknowledged, and read back
/// when a conversation or a token this process does not hold is asked for (after a restart). The
/// in-memory conversations stay as the cache that polls are served from. Without a store
/// (<see cref="None"/>) everything lives and dies with the process.</summary>
public interface IDirectLineStore
{
    /// <summary>No store: state lives in memory only.</summary>
    static IDirectLineStore None { get; } = new NoStore();

    void SaveConversation(string id, string userId, bool started, DateTimeOffset at);

    /// <summary>Appends activity number <paramref name="sequence"/> (0-based) of the conversation.</summary>
    void AppendActivity(string conversationId, long sequence, byte[] json, DateTimeOffset at);

    /// <summary>Records that the conversation was used (its idle time starts again).</summary>
    void Touch(string conversationId, DateTimeOffset at);

    void SaveGrant(ConversationGrant grant);

    /// <summary>The conversation with at most <paramref name="maxKept"/> of its latest activities, or null.</summary>
    StoredConversation? LoadConversation(string id, int maxKept);

    ConversationGrant? LoadGrant(string conversationId);

    /// <summary>Deletes the conversations (with their activities and grants) not used since <paramref name="cutoff"/>; returns how many.</summary>
    int DeleteIdle(DateTimeOffset cutoff);

    private sealed class NoStore : IDirectLineStore
    {
        public void SaveConversation(string id, string userId, bool started, DateTimeOffset at)
        {
        }

        public void AppendActivity(string conversationId, long sequence, byte[] json, DateTimeOffset at)
        {
        }

        public void Touch(string conversationId, DateTimeOffset at)
        {
        }

        public void SaveGrant(ConversationGrant grant)
        {
        }

        public StoredConversation? LoadConversation(string id, int maxKept) => null;

        public ConversationGrant? LoadGrant(string conversationId) => null;

        public int DeleteIdle(DateTimeOffset cutoff) => 0;
    }
}
