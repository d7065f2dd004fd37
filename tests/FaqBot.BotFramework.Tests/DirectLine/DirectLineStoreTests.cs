using System.Collections.Concurrent;
using FaqBot.BotFramework.DirectLine;
using FaqBot.BotFramework.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.BotFramework.Tests.DirectLine;

/// <summary>Direct Line state through an <see cref="IDirectLineStore"/>: written as it is made, and
/// read back by a process that does not hold it (as after a restart).</summary>
public sealed class DirectLineStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly MemoryStore _store = new();
    private readonly IOptions<DirectLineOptions> _options = Options.Create(new DirectLineOptions { Secret = "s3cret-s3cret-s3cret", MaxActivitiesKept = 3 });

    [Fact]
    public void A_new_process_reads_the_conversation_back_with_its_watermark_and_latest_activities_and_goes_on_numbering()
    {
        var before = new DirectLineConversations(_options, _time, _store);
        var conversation = before.Create(null);
        for (var i = 0; i < 5; i++)
        {
            conversation.Append(new Activity { Type = "message", Text = $"m{i}" }, _time.GetUtcNow());
        }

        var after = new DirectLineConversations(_options, _time, _store).Find(conversation.Id)!;
        var page = after.ReadFrom(0)!;
        var next = after.Append(new Activity { Type = "message", Text = "m5" }, _time.GetUtcNow());

        Assert.Equal(5, page.Watermark);
        Assert.Equal(["m2", "m3", "m4"], page.Read().Select(a => a.Text));
        Assert.Equal(conversation.Id + "|0000005", next);
        Assert.Equal(3, _store.Activities[conversation.Id].Count(a => a.Key >= 3));
    }

    [Fact]
    public void A_token_issued_before_works_in_a_new_process_and_an_unknown_or_idle_conversation_is_not_found()
    {
        var conversations = new DirectLineConversations(_options, _time, _store);
        var conversation = conversations.Create("patient-1");
        var token = new DirectLineTokens(_options, _time, _store).Issue(conversation.Id, conversation.UserId);

        var grant = new DirectLineTokens(_options, _time, _store).Authorize($"Bearer {token.Token}");

        Assert.Equal((conversation.Id, "patient-1"), (grant?.ConversationId, grant?.UserId));
        Assert.Null(new DirectLineConversations(_options, _time, _store).Find("nobody"));
        _time.Advance(TimeSpan.FromMinutes(_options.Value.ConversationIdleMinutes + 1));
        Assert.Null(new DirectLineConversations(_options, _time, _store).Find(conversation.Id));
    }

    private sealed class MemoryStore : IDirectLineStore
    {
        public ConcurrentDictionary<string, (string User, bool Started, DateTimeOffset Last)> Conversations { get; } = new();

        public ConcurrentDictionary<string, SortedDictionary<long, (byte[] Json, DateTimeOffset At)>> Activities { get; } = new();

        public ConcurrentDictionary<string, ConversationGrant> Grants { get; } = new();

        public void SaveConversation(string id, string userId, bool started, DateTimeOffset at) =>
            Conversations.AddOrUpdate(id, (userId, started, at), (_, c) => (c.User, c.Started || started, at > c.Last ? at : c.Last));

        public void AppendActivity(string conversationId, long sequence, byte[] json, DateTimeOffset at)
        {
            var list = Activities.GetOrAdd(conversationId, _ => []);
            list[sequence] = (json, at);
            Touch(conversationId, at);
        }

        public void Touch(string conversationId, DateTimeOffset at) =>
            Conversations.AddOrUpdate(conversationId, _ => throw new InvalidOperationException("no conversation"), (_, c) => (c.User, c.Started, at > c.Last ? at : c.Last));

        public void SaveGrant(ConversationGrant grant) => Grants[grant.ConversationId] = grant;

        public StoredConversation? LoadConversation(string id, int maxKept)
        {
            if (!Conversations.TryGetValue(id, out var c))
            {
                return null;
            }

            var list = Activities.GetValueOrDefault(id) ?? [];
            var recent = list.TakeLast(maxKept).ToList();
            return new StoredConversation(id, c.User, c.Started, c.Last, list.Count == 0 ? 0 : list.Keys.Max() + 1,
                [.. recent.Select(r => r.Value.Json)], recent.Count == 0 ? DateTimeOffset.MinValue : recent[^1].Value.At);
        }

        public ConversationGrant? LoadGrant(string conversationId) => Grants.GetValueOrDefault(conversationId);

        public int DeleteIdle(DateTimeOffset cutoff) => 0;
    }
}
