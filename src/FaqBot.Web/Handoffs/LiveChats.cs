using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FaqBot.BotFramework.DirectLine;
using FaqBot.BotFramework.Schema;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Replies;
using FaqBot.Storage.Database;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Transcripts;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Handoffs;

/// <summary>A staff member as a patient sees them in a live chat: their first name and role.</summary>
public sealed record StaffMember(string Account, string Role)
{
    /// <summary>The first name read from the account name ("kim.lee" and "kim-2" read as Kim).</summary>
    public string FirstName
    {
        get
        {
            var first = Account.Split(['.', '-', '_', ' ', '@'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? Account;
            return first.Length == 0 ? "Staff" : char.ToUpperInvariant(first[0]) + first[1..];
        }
    }

    /// <summary>"Kim (clinic staff)", "Ana (clinician)": the sender's name on their messages.</summary>
    public string DisplayName => $"{FirstName} ({(Role == Storage.Accounts.Roles.Clinician ? "clinician" : "clinic staff")})";

    public string ChannelId => "staff:" + Account;
}

/// <summary>A conversation a staff member has joined.</summary>
public sealed record LiveChat(string ConversationId, long HandoffId, StaffMember Staff, DateTimeOffset Since);

/// <summary>Why a staff member cannot join a chat, or null when they can.</summary>
public enum JoinRefusal
{
    None,

    /// <summary>Outside <c>Clinic:OpeningHours</c>: a callback only.</summary>
    Closed,

    /// <summary>Not a Web Chat conversation this host still holds (another channel, or the patient has gone).</summary>
    NotLive,

    /// <summary>Another staff member is in it.</summary>
    Taken,
}

/// <summary>Which chats staff are in, and when they may join (the opening hours): what the turn
/// handler reads to keep the bot quiet. A single host holds them in memory (a restart hands every
/// chat back to the bot); hosts sharing a database keep them there (<c>live_chats</c>), so whichever
/// host a patient's message reaches knows a staff member is in the chat.</summary>
public sealed class LiveChatRegistry(IOptions<ClinicOptions> clinic, IStoreDatabase database, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, LiveChat> _live = new(StringComparer.Ordinal);

    public OpeningHours Hours { get; } = clinic.Value.ReadOpeningHours(out _);

    public async Task<LiveChat?> FindAsync(string conversationId)
    {
        if (!database.Shared)
        {
            return _live.GetValueOrDefault(conversationId);
        }

        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = Sql.Command(connection, "SELECT handoff_id, account, role, since FROM live_chats WHERE conversation_id = @id;", ("@id", conversationId));
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new LiveChat(conversationId, reader.GetInt64(0), new StaffMember(reader.GetString(1), reader.GetString(2)), reader.Time(3))
            : null;
    }

    public bool IsOpen => Hours.IsOpen(time.GetUtcNow());

    /// <summary>"Monday 09:00 (America/Chicago)", or null when the clinic never opens.</summary>
    public string? NextOpening() => Hours.NextOpening(time.GetUtcNow()) is { } at ? Hours.Describe(at) : null;

    internal async Task<bool> TryAddAsync(LiveChat chat) => database.Shared
        ? await database.ExecuteAsync("""
            INSERT INTO live_chats (conversation_id, handoff_id, account, role, since) VALUES (@id, @handoff, @account, @role, @since)
            ON CONFLICT (conversation_id) DO NOTHING;
            """, ("@id", chat.ConversationId), ("@handoff", chat.HandoffId), ("@account", chat.Staff.Account), ("@role", chat.Staff.Role),
            ("@since", chat.Since.ToUnixTimeMilliseconds())) > 0
        : _live.TryAdd(chat.ConversationId, chat);

    internal async Task<bool> TryRemoveAsync(LiveChat chat) => database.Shared
        ? await database.ExecuteAsync("DELETE FROM live_chats WHERE conversation_id = @id AND account = @account;", ("@id", chat.ConversationId), ("@account", chat.Staff.Account)) > 0
        : _live.TryRemove(new(chat.ConversationId, chat));

    internal async Task ForgetAsync(string conversationId)
    {
        if (database.Shared)
        {
            await database.ExecuteAsync("DELETE FROM live_chats WHERE conversation_id = @id;", ("@id", conversationId));
        }
        else
        {
            _live.TryRemove(conversationId, out _);
        }
    }
}

/// <summary>Live replies from staff during the clinic's hours: a staff member joins a waiting Web
/// Chat conversation from the handoff queue, writes to the patient (who sees the messages as from
/// that person, not from the bot), and hands the conversation back. While someone is joined the bot
/// does not answer, though its safety gate still reads every message (see the turn handler). The
/// patient is told, and the Bot Framework handoff events <c>handoff.status</c> accepted and
/// completed are sent. Which chats are joined is held by <see cref="LiveChatRegistry"/>. Every message a staff member sends is stored with the transcript, redacted
/// like a patient's.</summary>
public sealed class LiveChats(
    LiveChatRegistry registry,
    DirectLineConversations conversations,
    DirectLineChannel channel,
    ITranscriptStore store,
    TranscriptRedaction redaction,
    KnowledgeHolder knowledge,
    TimeProvider time)
{
    public const int MaxMessageLength = 2_000;

    public Task<LiveChat?> FindAsync(string conversationId) => registry.FindAsync(conversationId);

    public string? NextOpening() => registry.NextOpening();

    /// <summary>Why <paramref name="staff"/> may not join the conversation now, or <see cref="JoinRefusal.None"/>.</summary>
    public async Task<JoinRefusal> CanJoinAsync(string conversationId, StaffMember staff)
    {
        if (!registry.IsOpen)
        {
            return JoinRefusal.Closed;
        }

        if (await conversations.FindAsync(conversationId) is null)
        {
            return JoinRefusal.NotLive;
        }

        return await registry.FindAsync(conversationId) is { } chat && chat.Staff.Account != staff.Account ? JoinRefusal.Taken : JoinRefusal.None;
    }

    public async Task<JoinRefusal> JoinAsync(string conversationId, long handoffId, StaffMember staff, CancellationToken cancellationToken)
    {
        var refusal = await CanJoinAsync(conversationId, staff);
        if (refusal != JoinRefusal.None)
        {
            return refusal;
        }

        var chat = new LiveChat(conversationId, handoffId, staff, time.GetUtcNow());
        if (!await registry.TryAddAsync(chat))
        {
            return (await registry.FindAsync(conversationId))?.Staff.Account == staff.Account ? JoinRefusal.None : JoinRefusal.Taken;
        }

        var text = knowledge.Current.Replies[ReplyIds.LiveJoined].Render("staff", staff.DisplayName);
        await DeliverAsync(conversationId, [Status("accepted", staff), Message(staff, text)], typed: false, cancellationToken);
        return JoinRefusal.None;
    }

    /// <summary>Sends a staff member's message to the patient; false when they are not in the chat (any more).</summary>
    public async Task<bool> SendAsync(string conversationId, StaffMember staff, string text, CancellationToken cancellationToken)
    {
        if (await registry.FindAsync(conversationId) is not { } chat || chat.Staff.Account != staff.Account)
        {
            return false;
        }

        return await DeliverAsync(conversationId, [Message(staff, text)], typed: true, cancellationToken);
    }

    /// <summary>Hands the conversation back to the bot; false when the staff member was not in it.</summary>
    public async Task<bool> ReleaseAsync(string conversationId, StaffMember staff, CancellationToken cancellationToken)
    {
        if (await registry.FindAsync(conversationId) is not { } chat || chat.Staff.Account != staff.Account || !await registry.TryRemoveAsync(chat))
        {
            return false;
        }

        var text = knowledge.Current.Replies[ReplyIds.LiveLeft].Render("staff", staff.DisplayName);
        await DeliverAsync(conversationId, [Message(staff, text), Status("completed", staff)], typed: false, cancellationToken);
        return true;
    }

    /// <summary>Puts the activities into the patient's conversation and stores them with its
    /// transcript: what a staff member typed (<paramref name="typed"/>) redacted like a patient's
    /// words, the approved replies as they are.</summary>
    private async Task<bool> DeliverAsync(string conversationId, IReadOnlyList<Activity> activities, bool typed, CancellationToken cancellationToken)
    {
        if (await conversations.FindAsync(conversationId) is not { } conversation)
        {
            await registry.ForgetAsync(conversationId);
            return false;
        }

        var stored = new List<StoredActivity>();
        foreach (var activity in activities)
        {
            activity.Id = await channel.DeliverAsync(conversation, activity);
            activity.Timestamp = time.GetUtcNow();
            stored.Add(new StoredActivity(activity.Id, ActivityDirection.Out, activity.Type ?? "", activity.Timestamp.Value,
                typed ? redaction.StaffActivity(activity) : redaction.Activity(activity, ActivityDirection.Out).Json));
        }

        await store.AppendAsync(new TurnRecord(conversationId, DirectLineChannel.ChannelId, time.GetUtcNow(), stored, null, null), cancellationToken);
        return true;
    }

    private static Activity Message(StaffMember staff, string text) => new()
    {
        Type = ActivityTypes.Message,
        TextFormat = TextFormats.Plain,
        Text = text,
        From = new ChannelAccount { Id = staff.ChannelId, Name = staff.DisplayName },
        ChannelData = new JsonObject { ["faqbot"] = new JsonObject { ["sender"] = "staff" } },
    };

    /// <summary>The Bot Framework handoff protocol's status event: accepted when staff join, completed when they leave.</summary>
    private static Activity Status(string state, StaffMember staff) => new()
    {
        Type = ActivityTypes.Event,
        Name = "handoff.status",
        From = new ChannelAccount { Id = staff.ChannelId, Name = staff.DisplayName },
        Value = new JsonObject { ["state"] = state, ["message"] = staff.DisplayName },
    };

}
