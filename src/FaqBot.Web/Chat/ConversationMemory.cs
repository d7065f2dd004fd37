using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Caching.Memory;

namespace FaqBot.Web.Chat;

/// <summary>What the bot keeps about a live conversation: whether it was welcomed, whether an
/// urgent message came up (later replies then repeat the crisis resources), and the recent
/// messages both ways, which travel with a handoff to staff. Held in memory with a sliding
/// expiry; as middleware it records every message that comes in or goes out (typing indicators
/// and events, such as earlier handoffs with their own transcripts, are not part of it).</summary>
public sealed class ConversationMemory(IMemoryCache cache) : ITurnMiddleware
{
    public const int MaxActivities = 40;
    private static readonly TimeSpan Idle = TimeSpan.FromHours(2);

    public async Task OnTurnAsync(TurnContext turn, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        var state = For(turn.Activity);
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

    public bool Welcomed { get; set; }

    public bool EarlierUrgent { get; set; }

    public void Record(Activity activity)
    {
        lock (_gate)
        {
            _recent.Enqueue(activity);
            while (_recent.Count > ConversationMemory.MaxActivities)
            {
                _recent.Dequeue();
            }
        }
    }

    public IReadOnlyList<Activity> Recent()
    {
        lock (_gate)
        {
            return [.. _recent];
        }
    }
}
