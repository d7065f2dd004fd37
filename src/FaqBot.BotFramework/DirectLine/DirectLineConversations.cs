using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>The live Direct Line conversations, in memory. Idle ones are dropped by
/// <see cref="DirectLineSweeper"/>; transcripts are kept elsewhere.</summary>
public sealed class DirectLineConversations(IOptions<DirectLineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);

    public int Count => _conversations.Count;

    /// <summary>A new conversation for <paramref name="userId"/>, or for a fresh anonymous user.</summary>
    public DirectLineConversation Create(string? userId)
    {
        var id = RandomId(16);
        var user = string.IsNullOrWhiteSpace(userId) ? "dl_" + RandomId(12) : userId;
        var conversation = new DirectLineConversation(id, user, options.Value.MaxActivitiesKept, options.Value.MaxBytesKept, time.GetUtcNow());
        _conversations[id] = conversation;
        return conversation;
    }

    public DirectLineConversation? Find(string id)
    {
        if (!_conversations.TryGetValue(id, out var conversation))
        {
            return null;
        }

        conversation.Touch(time.GetUtcNow());
        return conversation;
    }

    /// <summary>Drops conversations idle for longer than the configured time; returns how many.</summary>
    public int Sweep()
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

        return removed;
    }

    /// <summary>Random URL-safe letters and digits (no '|' or '/', so ids need no escaping).</summary>
    private static string RandomId(int length) =>
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);
}
