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

    [Fact]
    public void Two_processes_on_a_shared_store_append_to_one_conversation_in_turn_and_each_serves_what_the_other_appended()
    {
        var shared = new MemoryStore { IsShared = true };
        var first = new DirectLineConversations(_options, _time, shared);
        var second = new DirectLineConversations(_options, _time, shared);
        var conversation = first.Create("patient-1");
        var other = second.Find(conversation.Id)!;

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((i % 2 == 0 ? conversation : other).Append(new Activity { Type = "message", Text = $"m{i}" }, _time.GetUtcNow()));
        }

        var onFirst = conversation.ReadFrom(1)!;
        var onSecond = other.ReadFrom(1)!;
        Assert.Equal([.. Enumerable.Range(0, 4).Select(i => $"{conversation.Id}|{i:D7}")], ids);
        Assert.Equal(["m1", "m2", "m3"], onFirst.Read().Select(a => a.Text));
        Assert.Equal(["m1", "m2", "m3"], onSecond.Read().Select(a => a.Text));
        Assert.Equal((4, 4), (onFirst.Watermark, onSecond.Watermark));
        var stamps = onSecond.Read().Select(a => a.Timestamp!.Value).ToList();
        Assert.True(stamps.Zip(stamps.Skip(1)).All(p => p.First < p.Second), "timestamps must increase across processes");
        Assert.True(conversation.TryStart());
        Assert.False(other.TryStart());
    }

    [Fact]
    public void On_a_shared_store_a_token_refreshed_by_one_process_is_refused_by_the_other_after_the_grace()
    {
        var shared = new MemoryStore { IsShared = true };
        var conversation = new DirectLineConversations(_options, _time, shared).Create("patient-1");
        var first = new DirectLineTokens(_options, _time, shared);
        var second = new DirectLineTokens(_options, _time, shared);
        var token = first.Issue(conversation.Id, conversation.UserId).Token;
        Assert.NotNull(second.Authorize($"Bearer {token}"));

        _time.Advance(TimeSpan.FromSeconds(_options.Value.MinSecondsBetweenRefreshes + 1));
        var refreshed = first.Refresh(first.Authorize($"Bearer {token}")!).Issued!;
        _time.Advance(TimeSpan.FromSeconds(_options.Value.ReplacedTokenGraceSeconds + 1));

        Assert.Null(second.Authorize($"Bearer {token}"));
        Assert.NotNull(second.Authorize($"Bearer {refreshed.Token}"));
        Assert.Null(second.Refresh(second.Authorize($"Bearer {token}") ?? new DirectLineGrant(conversation.Id, conversation.UserId, _time.GetUtcNow(), 1)).Issued);
    }

    private sealed class MemoryStore : IDirectLineStore
    {
        private readonly Lock _gate = new();

        public bool IsShared { get; init; }

        public bool Shared => IsShared;

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

        public bool SaveGrant(ConversationGrant grant)
        {
            lock (_gate)
            {
                if (Grants.TryGetValue(grant.ConversationId, out var stored) && stored.Generation >= grant.Generation)
                {
                    return false;
                }

                Grants[grant.ConversationId] = grant;
                return true;
            }
        }

        public SequencedActivity AppendNext(string conversationId, DateTimeOffset now, Func<long, DateTimeOffset, byte[]> serialize)
        {
            lock (_gate)
            {
                var list = Activities.GetOrAdd(conversationId, _ => []);
                var (sequence, stamp) = list.Count == 0 ? (0L, now) : (list.Keys.Max() + 1, Later(now, list[list.Keys.Max()].At.AddMilliseconds(1)));
                var json = serialize(sequence, stamp);
                list[sequence] = (json, stamp);
                return new SequencedActivity(sequence, stamp, json);
            }
        }

        public IReadOnlyList<SequencedActivity> LoadSince(string conversationId, long from, int max)
        {
            lock (_gate)
            {
                return [.. (Activities.GetValueOrDefault(conversationId) ?? []).Where(a => a.Key >= from).TakeLast(max).Select(a => new SequencedActivity(a.Key, a.Value.At, a.Value.Json))];
            }
        }

        public bool MarkStarted(string conversationId, DateTimeOffset at)
        {
            lock (_gate)
            {
                var c = Conversations[conversationId];
                Conversations[conversationId] = (c.User, true, c.Last);
                return !c.Started;
            }
        }

        private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

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
