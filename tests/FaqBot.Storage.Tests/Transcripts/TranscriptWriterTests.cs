using System.Data.Common;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;

namespace FaqBot.Storage.Tests.Transcripts;

public abstract class TranscriptWriterTests(Engine engine)
{
    [Fact]
    public async Task Turns_appended_at_once_from_many_conversations_are_all_stored_once()
    {
        await using var temp = await TempStore.CreateAsync(engine);
        var records = Enumerable.Range(0, 400).Select(i => Turns.Of("c" + (i % 50), Turns.T0.AddSeconds(i))).ToList();

        await Task.WhenAll(records.Select(r => Task.Run(() => temp.Store.AppendAsync(r, CancellationToken.None))));

        Assert.Equal(800, await temp.Store.CountActivitiesAsync(CancellationToken.None));
        var list = await temp.Store.ListAsync(new ConversationFilter { Take = 1000 }, CancellationToken.None);
        Assert.Equal(50, list.Counts.All);
        Assert.All(list.Items, row => Assert.Equal(8, row.Turns));
    }

    [Fact]
    public async Task A_turn_that_cannot_be_stored_fails_alone_and_its_batch_companions_are_kept()
    {
        await using var temp = await TempStore.CreateAsync(engine);
        var first = Turns.Of("c1", Turns.T0);
        await temp.AppendAsync(first);
        // The same inbound activity twice in one conversation breaks the unique index.
        var duplicate = first with { Activities = [] };
        var others = Enumerable.Range(0, 20).Select(i => Turns.Of("c2", Turns.T0.AddSeconds(i))).ToList();

        var all = others.Select(r => temp.Store.AppendAsync(r, CancellationToken.None)).Prepend(temp.Store.AppendAsync(duplicate, CancellationToken.None)).ToList();
        var failure = await Record.ExceptionAsync(() => all[0]);
        await Task.WhenAll(all.Skip(1));

        Assert.IsAssignableFrom<DbException>(failure);
        var c2 = await temp.Store.GetAsync("c2", CancellationToken.None);
        Assert.Equal(20, c2!.Turns.Count);
    }

    [Fact]
    public async Task Disposing_the_store_commits_what_is_still_queued()
    {
        await using var temp = await TempStore.CreateAsync(engine);
        var store = temp.Store;
        var pending = Enumerable.Range(0, 100).Select(i => store.AppendAsync(Turns.Of("c", Turns.T0.AddSeconds(i)), CancellationToken.None)).ToList();

        await store.DisposeAsync();

        Assert.All(pending, task => Assert.True(task.IsCompletedSuccessfully));
        await temp.CloseAsync();
        await using (var reopened = temp.Reopen())
        {
            Assert.Equal(200, await reopened.Store.CountActivitiesAsync(CancellationToken.None));
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync(Turns.Of("c", Turns.T0), CancellationToken.None));
    }

    [Fact]
    public async Task Purge_removes_idle_conversations_with_everything_about_them_and_keeps_recent_ones()
    {
        await using var temp = await TempStore.CreateAsync(engine);
        await temp.AppendAsync(
            Turns.Of("old", Turns.T0, outcome: "decline", category: "urgent", handoff: Turns.Handoff("urgent", Turns.T0, urgent: true)),
            Turns.Of("recent", Turns.T0.AddDays(40)));

        var purged = await temp.Store.PurgeAsync(Turns.T0.AddDays(10), CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.Null(await temp.Store.GetAsync("old", CancellationToken.None));
        Assert.NotNull(await temp.Store.GetAsync("recent", CancellationToken.None));
        Assert.Empty(await temp.Store.HandoffsAsync(includeClosed: true, CancellationToken.None));
        Assert.Equal(2, await temp.Store.CountActivitiesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_conversation_removes_its_activities_turns_and_handoffs_only()
    {
        await using var temp = await TempStore.CreateAsync(engine);
        await temp.AppendAsync(
            Turns.Of("patient", Turns.T0, outcome: "no-answer", handoff: Turns.Handoff("no-answer", Turns.T0)),
            Turns.Of("other", Turns.T0, outcome: "no-answer", handoff: Turns.Handoff("no-answer", Turns.T0)));

        Assert.True(await temp.Store.DeleteConversationAsync("patient", CancellationToken.None));
        Assert.False(await temp.Store.DeleteConversationAsync("patient", CancellationToken.None));

        Assert.Null(await temp.Store.GetAsync("patient", CancellationToken.None));
        Assert.Equal("other", Assert.Single(await temp.Store.HandoffsAsync(includeClosed: true, CancellationToken.None)).ConversationId);
        Assert.Equal(2, await temp.Store.CountActivitiesAsync(CancellationToken.None));
        Assert.Single(await temp.Store.UnansweredAsync(Turns.T0.AddDays(-1), Turns.T0.AddDays(1), CancellationToken.None));
    }

    public sealed class OnSqlite() : TranscriptWriterTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : TranscriptWriterTests(Engine.PostgreSql);
}
