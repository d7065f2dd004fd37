using FaqBot.BotFramework.Schema;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.DirectLine;

/// <summary>The Direct Line channel: starts conversations (the bot hears a
/// <c>conversationUpdate</c>), stores and echoes what users post, runs the bot's turn, and
/// stores the bot's replies for polling clients. A turn is cancelled only once the host has
/// stopped (<see cref="IHostApplicationLifetime.ApplicationStopped"/>), not when it starts to stop:
/// on SIGTERM the server stops taking requests and waits for the ones in flight, so a turn already
/// begun is answered and stored (within the host's shutdown timeout).</summary>
public sealed class DirectLineChannel(
    TurnPipeline pipeline,
    IOptions<DirectLineOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    IEchoFilter? echoFilter = null)
{
    private readonly IEchoFilter _echoFilter = echoFilter ?? IEchoFilter.All;

    public const string ChannelId = "directline";

    private readonly DirectLineOptions _options = options.Value;

    public ChannelAccount Bot => new() { Id = _options.BotId, Name = _options.BotName, Role = RoleTypes.Bot };

    /// <summary>Starts the conversation once; later calls (a resumed page) change nothing.
    /// Returns true when this call started it.</summary>
    public async Task<bool> StartAsync(DirectLineConversation conversation, string serviceUrl, string? locale)
    {
        if (!await conversation.TryStartAsync())
        {
            return false;
        }

        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = conversation.Id + "|start",
            Timestamp = time.GetUtcNow(),
            ChannelId = ChannelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = User(conversation, null),
            Recipient = Bot,
            Locale = locale,
            MembersAdded = [new ChannelAccount { Id = _options.BotId, Name = _options.BotName }, new ChannelAccount { Id = conversation.UserId }],
        };
        await pipeline.RunAsync(update, new Replies(conversation, time), lifetime.ApplicationStopped);
        return true;
    }

    /// <summary>Stores the user's activity (this is the echo the client waits for), then runs the
    /// bot's turn on a copy addressed to the bot. Returns the id given to the activity.</summary>
    public async Task<string> PostAsync(DirectLineConversation conversation, Activity posted, string serviceUrl)
    {
        var stored = posted.ShallowCopy();
        stored.ChannelId = ChannelId;
        stored.Conversation = new ConversationAccount { Id = conversation.Id };
        stored.From = User(conversation, posted.From);
        stored.Recipient = Bot;
        stored.ServiceUrl = null;
        var echo = _echoFilter.Kept(stored);
        var id = await conversation.AppendAsync(echo, time.GetUtcNow());
        (stored.Id, stored.Timestamp) = (echo.Id, echo.Timestamp);

        var inbound = stored.ShallowCopy();
        inbound.ServiceUrl = serviceUrl;
        await pipeline.RunAsync(inbound, new Replies(conversation, time), lifetime.ApplicationStopped);
        return id;
    }

    /// <summary>Puts an activity the host sends on its own (not a reply within a turn, such as a
    /// staff member's message during a live handoff) into the conversation on the bot's side, with
    /// the sender it names; returns the id it was given.</summary>
    public Task<string> DeliverAsync(DirectLineConversation conversation, Activity activity)
    {
        var stored = activity.ShallowCopy();
        stored.ChannelId = ChannelId;
        stored.Conversation = new ConversationAccount { Id = conversation.Id };
        stored.From = new ChannelAccount { Id = activity.From?.Id ?? _options.BotId, Name = activity.From?.Name ?? _options.BotName, Role = RoleTypes.Bot };
        stored.Recipient = new ChannelAccount { Id = conversation.UserId, Role = RoleTypes.User };
        stored.ServiceUrl = null;
        return conversation.AppendAsync(stored, time.GetUtcNow());
    }

    /// <summary>The token's user wins over whatever id the client wrote.</summary>
    private static ChannelAccount User(DirectLineConversation conversation, ChannelAccount? from) =>
        new() { Id = conversation.UserId, Name = from?.Name, Role = RoleTypes.User };

    /// <summary>Bot replies go into the conversation, marked as the bot's; conversation updates
    /// are not delivered to clients.</summary>
    private sealed class Replies(DirectLineConversation conversation, TimeProvider time) : IReplyChannel
    {
        public Task<string> SendAsync(Activity activity, CancellationToken cancellationToken)
        {
            if (activity.Type == ActivityTypes.ConversationUpdate)
            {
                return Task.FromResult(conversation.Id + "|update");
            }

            var stored = activity.ShallowCopy();
            stored.ChannelId = ChannelId;
            stored.Conversation = new ConversationAccount { Id = conversation.Id };
            stored.From = new ChannelAccount { Id = activity.From?.Id, Name = activity.From?.Name, Role = RoleTypes.Bot };
            stored.ServiceUrl = null;
            return conversation.AppendAsync(stored, time.GetUtcNow());
        }
    }
}
