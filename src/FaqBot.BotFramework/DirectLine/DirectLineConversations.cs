using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>The live Direct Line conversations, held in memory and, with an
/// <see cref="IDirectLineStore"/>, in the store too: a conversation this process does not hold
/// (after a restart) is read back from there. Idle ones are dropped by
/// <see cref="DirectLineSweeper"/>, from both; transcripts are kept elsewhere.</summary>
public sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider time, IDirectLineStore? store = null)
{
    private readonly IDirectLineStore _store = store ?? IDirectLineStore.None;

    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);

    public int Count => _conversations.Count;

    /// <summary>A new conversation for <paramref name="userId"/>, or for a fresh anonymous user.</summary>
    public async Task<DirectLineConversation> CreateAsync(string? userId)
    {
        var id = RandomId(16);
        var user = string.IsNullOrWhiteSpace(userId) ? "dl_" + RandomId(12) : userId;
        var now = time.GetUtcNow();
        await _store.SaveConversationAsync(id, user, started: false, now).ConfigureAwait(false);
        var conversation = new DirectLineConversation(id, user, options.Value.MaxActivitiesKept, options.Value.MaxBytesKept, now, _store);
        _conversations[id] = conversation;
        return conversation;
    }

    public async Task<DirectLineConversation?> FindAsync(string id)
    {
        var now = time.GetUtcNow();
        if (!_conversations.TryGetValue(id, out var conversation))
        {
            if (await _store.LoadConversationAsync(id, options.Value.MaxActivitiesKept).ConfigureAwait(false) is not { } stored
                || stored.LastUsed < now - TimeSpan.FromMinutes(options.Value.ConversationIdleMinutes))
            {
                return null;
            }

            conversation = _conversations.GetOrAdd(id, _ => DirectLineConversation.Restore(stored, options.Value.MaxActivitiesKept, options.Value.MaxBytesKept, now, _store));
        }

        await conversation.TouchAsync(now).ConfigureAwait(false);
        return conversation;
    }

    /// <summary>Drops conversations idle for longer than the configured time; returns how many.</summary>
    public async Task<int> SweepAsync()
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.ConversationIdleMinutes);
        var removed = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.LastUsed < cutoff && _conversations.TryRemove(id, out _))
            {
                removed++;
            }
        }

        await _store.DeleteIdleAsync(cutoff).ConfigureAwait(false);
        return removed;
    }

    /// <summary>Random URL-safe letters and digits (no '|' or '/', so ids need no escaping).</summary>
    private static string RandomId(int length) =>
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);
}
