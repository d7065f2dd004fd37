using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using FaqBot.Core.Answering;
using Microsoft.Extensions.Caching.Memory;

namespace FaqBot.Web.Chat;

/// <summary>What the bot keeps about a live conversation: whether it was welcomed, the context the
/// next message is read with (an urgent message earlier, after which replies repeat the crisis
/// resources; the last question, for follow-ups; the choices last offered), and the recent
/// messages both ways, which travel with a handoff to staff. Held in memory with a sliding
/// expiry; as middleware it records every message that comes in or goes out (typing indicators
/// and events, such as earlier handoffs with their own transcripts, are not part of it). What a
/// conversation keeps is bounded whatever is sent to it: each message is kept as its sender,
/// time and text (cut to <see cref="MaxCharactersPerMessage"/>), at most
/// <see cref="MaxActivities"/> of them and <see cref="MaxCharacters"/> characters in all, and at
/// most <see cref="MaxConversations"/> conversations are held. On hosts sharing a database the
/// context is also read before and written after every turn (<see cref="SharedConversationContexts"/>),
/// so a patient whose messages alternate between hosts is read the same, an urgent message earlier
/// included; the recent messages that travel with a handoff stay per host.</summary>
public sealed class ConversationMemory(IMemoryCache cache, SharedConversationContexts shared) : ITurnMiddleware
{
    public const int MaxActivities = 40;

    /// <summary>Longer messages are answered as too long anyway (Input:MaxQuestionLength).</summary>
    public const int MaxCharactersPerMessage = 2_000;

    public const int MaxCharacters = 8_000;

    /// <summary>The memory cache's size limit: one unit per conversation.</summary>
    public const int MaxConversations = 20_000;

    private static readonly TimeSpan Idle = TimeSpan.FromHours(2);

    public async Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        var state = For(turn.Activity);
        var (channel, conversation) = (turn.Activity.ChannelId ?? "", turn.Activity.Conversation?.Id ?? "");
        if (shared.Enabled)
        {
            await shared.LoadIntoAsync(channel, conversation, state, cancellationToken);
        }

        if (turn.Activity.Type == ActivityTypes.Message)
        {
            state.Record(turn.Activity);
        }

        turn.OnSent((sent, _) =>
        {
            if (sent.Type == ActivityTypes.Message)
            {
                state.Record(sent);
            }

            return Task.CompletedTask;
        });
        await next(cancellationToken);
        if (shared.Enabled)
        {
            await shared.SaveAsync(channel, conversation, state, cancellationToken);
        }
    }

    public ConversationState For(Activity activity)
    {
        var key = (activity.ChannelId ?? "", activity.Conversation?.Id ?? "");
        return cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = Idle;
            entry.Size = 1;
            return new ConversationState();
        })!;
    }
}

public sealed class ConversationState
{
    private readonly Lock _gate = new();
    private readonly Queue<Activity> _recent = new();
    private int _characters;

    public bool Welcomed { get; set; }

    /// <summary>What the answerer reads the next message with: an urgent message earlier, the last
    /// question (for follow-ups) and the choices last offered.</summary>
    public ConversationContext Context { get; set; } = ConversationContext.None;

    public void Record(Activity activity)
    {
        var kept = Kept(activity);
        lock (_gate)
        {
            _recent.Enqueue(kept);
            _characters += kept.Text?.Length ?? 0;
            while (_recent.Count > ConversationMemory.MaxActivities || _characters > ConversationMemory.MaxCharacters)
            {
                _characters -= _recent.Dequeue().Text?.Length ?? 0;
            }
        }
    }

    /// <summary>What a transcript for staff needs of a message: who sent it, when, and its text.</summary>
    private static Activity Kept(Activity activity) => new()
    {
        Type = activity.Type,
        Id = activity.Id,
        Timestamp = activity.Timestamp,
        ChannelId = activity.ChannelId,
        From = activity.From,
        Recipient = activity.Recipient,
        Conversation = activity.Conversation,
        ReplyToId = activity.ReplyToId,
        TextFormat = activity.TextFormat,
        Locale = activity.Locale,
        Text = activity.Text is { Length: > ConversationMemory.MaxCharactersPerMessage } text
            ? text[..ConversationMemory.MaxCharactersPerMessage] + "\u2026"
            : activity.Text,
    };

    public IReadOnlyList<Activity> Recent()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }
}
