using FaqBot.BotFramework.Schema;

namespace FaqBot.BotFramework.Turns;

/// <summary>One inbound activity and the means to reply to it. Replies are addressed from the
/// recipient back to the sender in the same conversation; middleware can watch what is sent.</summary>
public sealed class TurnContext(Activity activity, IReplyChannel channel)
{
    private readonly List<Func<Activity, CancellationToken, Task>> _sent = [];
    private readonly List<Func<TurnContext, CancellationToken, Task>> _completed = [];

    public Activity Activity { get; } = activity;

    /// <summary>Values the bot and middleware share for this turn only (for example the trace).</summary>
    public Dictionary<string, object> TurnState { get; } = new(StringComparer.Ordinal);

    public bool Responded { get; private set; }

    /// <summary>Called after each activity this turn sends, with the id the channel assigned.</summary>
    public void OnSent(Func<Activity, CancellationToken, Task> handler) => _sent.Add(handler);

    /// <summary>Called once the turn is over, after the error handler if the turn failed (so that
    /// what it sent is seen too). An exception here fails the turn's delivery: the channel must
    /// not acknowledge what was not completed.</summary>
    public void OnCompleted(Func<TurnContext, CancellationToken, Task> handler) => _completed.Add(handler);

    /// <summary>The error that failed the turn, if any (set before the error handler runs).</summary>
    public Exception? Error { get; internal set; }

    internal async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var handler in _completed)
        {
            await handler(this, cancellationToken);
        }
    }

    public async Task<string> SendActivityAsync(Activity reply, CancellationToken cancellationToken)
    {
        reply.Conversation ??= Activity.Conversation;
        reply.From ??= Activity.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name, Role = RoleTypes.Bot } : null;
        reply.Recipient ??= Activity.From;
        reply.ChannelId ??= Activity.ChannelId;
        reply.ServiceUrl ??= Activity.ServiceUrl;
        reply.Locale ??= Activity.Locale;
        if (reply.Type is ActivityTypes.Message or ActivityTypes.Event && Activity.Type == ActivityTypes.Message)
        {
            reply.ReplyToId ??= Activity.Id;
        }

        var id = await channel.SendAsync(reply, cancellationToken);
        reply.Id = id;
        Responded |= reply.Type == ActivityTypes.Message;
        foreach (var handler in _sent)
        {
            await handler(reply, cancellationToken);
        }

        return id;
    }
}
