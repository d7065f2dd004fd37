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
    public async Task A_new_process_reads_the_conversation_back_with_its_watermark_and_latest_activities_and_goes_on_numbering()
    {
        var before = new DirectLineConversations(_options, _time, _store);
        var conversation = await before.CreateAsync(null);
        for (var i = 0; i < 5; i++)
        {
            await conversation.AppendAsync(new Activity { Type = "message", Text = $"m{i}" }, _time.GetUtcNow());
        }

        var after = (await new DirectLineConversations(_options, _time, _store).FindAsync(conversation.Id))!;
        var page = (await after.ReadFromAsync(0))!;
        var next = await after.AppendAsync(new Activity { Type = "message", Text = "m5" }, _time.GetUtcNow());

        Assert.Equal(5, page.Watermark);
        Assert.Equal(["m2", "m3", "m4"], page.Read().Select(a => a.Text));
        Assert.Equal(conversation.Id + "|0000005", next);
        Assert.Equal(3, _store.Activities[conversation.Id].Count(a => a.Key >= 3));
    }

    [Fact]
    public async Task A_token_issued_before_works_in_a_new_process_and_an_unknown_or_idle_conversation_is_not_found()
    {
        var conversations = new DirectLineConversations(_options, _time, _store);
        var conversation = await conversations.CreateAsync("patient-1");
        var token = await new DirectLineTokens(_options, _time, _store).IssueAsync(conversation.Id, conversation.UserId);

        var grant = await new DirectLineTokens(_options, _time, _store).AuthorizeAsync($"Bearer {token.Token}");

        Assert.Equal((conversation.Id, "patient-1"), (grant?.ConversationId, grant?.UserId));
        Assert.Null(await new DirectLineConversations(_options, _time, _store).FindAsync("nobody"));
        _time.Advance(TimeSpan.FromMinutes(_options.Value.ConversationIdleMinutes + 1));
        Assert.Null(await new DirectLineConversations(_options, _time, _store).FindAsync(conversation.Id));
    }

    [Fact]
    public async Task Two_processes_on_a_shared_store_append_to_one_conversation_in_turn_and_each_serves_what_the_other_appended()
    {
        var shared = new MemoryStore { IsShared = true };
        var first = new DirectLineConversations(_options, _time, shared);
        var second = new DirectLineConversations(_options, _time, shared);
        var conversation = await first.CreateAsync("patient-1");
        var other = (await second.FindAsync(conversation.Id))!;

        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await (i % 2 == 0 ? conversation : other).AppendAsync(new Activity { Type = "message", Text = $"m{i}" }, _time.GetUtcNow()));
        }

        var onFirst = (await conversation.ReadFromAsync(1))!;
        var onSecond = (await other.ReadFromAsync(1))!;
        Assert.Equal([.. Enumerable.Range(0, 4).Select(i => $"{conversation.Id}|{i:D7}")], ids);
        Assert.Equal(["m1", "m2", "m3"], onFirst.Read().Select(a => a.Text));
        Assert.Equal(["m1", "m2", "m3"], onSecond.Read().Select(a => a.Text));
        Assert.Equal((4, 4), (onFirst.Watermark, onSecond.Watermark));
        var stamps = onSecond.Read().Select(a => a.Timestamp!.Value).ToList();
        Assert.True(stamps.Zip(stamps.Skip(1)).All(p => p.First < p.Second), "timestamps must increase across processes");
        Assert.True(await conversation.TryStartAsync());
        Assert.False(await other.TryStartAsync());
    }

    [Fact]
    public async Task On_a_shared_store_a_token_refreshed_by_one_process_is_refused_by_the_other_after_the_grace()
    {
        var shared = new MemoryStore { IsShared = true };
        var conversation = await new DirectLineConversations(_options, _time, shared).CreateAsync("patient-1");
        var first = new DirectLineTokens(_options, _time, shared);
        var second = new DirectLineTokens(_options, _time, shared);
        var token = (await first.IssueAsync(conversation.Id, conversation.UserId)).Token;
        Assert.NotNull(await second.AuthorizeAsync($"Bearer {token}"));

        _time.Advance(TimeSpan.FromSeconds(_options.Value.MinSecondsBetweenRefreshes + 1));
        var refreshed = (await first.RefreshAsync((await first.AuthorizeAsync($"Bearer {token}"))!)).Issued!;
        _time.Advance(TimeSpan.FromSeconds(_options.Value.ReplacedTokenGraceSeconds + 1));

        Assert.Null(await second.AuthorizeAsync($"Bearer {token}"));
        Assert.NotNull(await second.AuthorizeAsync($"Bearer {refreshed.Token}"));
        Assert.Null((await second.RefreshAsync(await second.AuthorizeAsync($"Bearer {token}") ?? new DirectLineGrant(conversation.Id, conversation.UserId, _time.GetUtcNow(), 1))).Issued);
    }

    private sealed class MemoryStore : IDirectLineStore
    {
        private readonly Lock _gate = new();

        public bool IsShared { get; init; }

        public bool Shared => IsShared;

        public ConcurrentDictionary<string, (string User, bool Started, DateTimeOffset Last)> Conversations { get; } = new();

        public ConcurrentDictionary<string, SortedDictionary<long, (byte[] Json, DateTimeOffset At)>> Activities { get; } = new();

        public ConcurrentDictionary<string, ConversationGrant> Grants { get; } = new();

        public Task SaveConversationAsync(string id, string userId, bool started, DateTimeOffset at)
        {
            Conversations.AddOrUpdate(id, (userId, started, at), (_, c) => (c.User, c.Started || started, at > c.Last ? at : c.Last));
            return Task.CompletedTask;
        }

        public Task AppendActivityAsync(string conversationId, long sequence, byte[] json, DateTimeOffset at)
        {
            var list = Activities.GetOrAdd(conversationId, _ => []);
            list[sequence] = (json, at);
            return TouchAsync(conversationId, at);
        }

        public Task TouchAsync(string conversationId, DateTimeOffset at)
        {
            Conversations.AddOrUpdate(conversationId, _ => throw new InvalidOperationException("no conversation"), (_, c) => (c.User, c.Started, at > c.Last ? at : c.Last));
            return Task.CompletedTask;
        }

        public async Task<bool> SaveGrantAsync(ConversationGrant grant)
        {
            await Task.Yield(); // as a database would, finish on another thread
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

        public async Task<SequencedActivity> AppendNextAsync(string conversationId, DateTimeOffset now, Func<long, DateTimeOffset, byte[]> serialize)
        {
            await Task.Yield();
            lock (_gate)
            {
                var list = Activities.GetOrAdd(conversationId, _ => []);
                var (sequence, stamp) = list.Count == 0 ? (0L, now) : (list.Keys.Max() + 1, Later(now, list[list.Keys.Max()].At.AddMilliseconds(1)));
                var json = serialize(sequence, stamp);
                list[sequence] = (json, stamp);
                return new SequencedActivity(sequence, stamp, json);
            }
        }

        public async Task<IReadOnlyList<SequencedActivity>> LoadSinceAsync(string conversationId, long from, int max)
        {
            await Task.Yield();
            lock (_gate)
            {
                return [.. (Activities.GetValueOrDefault(conversationId) ?? []).Where(a => a.Key >= from).TakeLast(max).Select(a => new SequencedActivity(a.Key, a.Value.At, a.Value.Json))];
            }
        }

        public async Task<bool> MarkStartedAsync(string conversationId, DateTimeOffset at)
        {
            await Task.Yield();
            lock (_gate)
            {
                var c = Conversations[conversationId];
                Conversations[conversationId] = (c.User, true, c.Last);
                return !c.Started;
            }
        }

        private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

        public async Task<StoredConversation?> LoadConversationAsync(string id, int maxKept)
        {
            await Task.Yield();
            if (!Conversations.TryGetValue(id, out var c))
            {
                return null;
            }

            var list = Activities.GetValueOrDefault(id) ?? [];
            var recent = list.TakeLast(maxKept).ToList();
            return new StoredConversation(id, c.User, c.Started, c.Last, list.Count == 0 ? 0 : list.Keys.Max() + 1,
                [.. recent.Select(r => r.Value.Json)], recent.Count == 0 ? DateTimeOffset.MinValue : recent[^1].Value.At);
        }

        public Task<ConversationGrant?> LoadGrantAsync(string conversationId) => Task.FromResult(Grants.GetValueOrDefault(conversationId));

        public Task<int> DeleteIdleAsync(DateTimeOffset cutoff) => Task.FromResult(0);
    }
}
