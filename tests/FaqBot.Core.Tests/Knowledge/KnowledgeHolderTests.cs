using System.Collections.Concurrent;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Core.Tests.Knowledge;

/// <summary>Reloads swap whole snapshots, one load at a time, and never lose a request.</summary>
public sealed class KnowledgeHolderTests
{
    private const string Snippet = "snippets/what-to-wear.md";

    [Fact]
    public async Task Many_threads_reloading_at_once_end_with_one_consistent_snapshot()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var holder = TestBot.Holder(folder.Path, new FakeTimeProvider(TestBot.Now));
        var attempts = new ConcurrentQueue<KnowledgeReload>();
        holder.Reloaded += attempts.Enqueue;
        var snippets = holder.Current.Snippets.Count;
        using var start = new Barrier(8);
        var readerSawMix = false;

        var reloads = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 5; i++)
            {
                var result = holder.Reload();
                Assert.NotNull(result.Knowledge);
                readerSawMix |= holder.Current.Snippets.Count != snippets;
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(reloads);

        var loads = attempts.ToList();
        Assert.False(readerSawMix);
        Assert.InRange(loads.Count, 1, 40);
        Assert.All(loads, load => Assert.True(load.Served));
        Assert.Equal(Enumerable.Range(2, loads.Count).Select(g => (long)g), loads.Select(l => l.Generation));
        Assert.Equal(1 + loads.Count, holder.Generation);
        Assert.Same(loads[^1].Result, holder.LastLoad);
        Assert.Same(holder.LastLoad.Knowledge, holder.Current);
        Assert.Null(holder.LastFailure);
    }

    [Fact]
    public async Task A_reload_asked_for_while_another_runs_reads_the_folder_again()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var holder = TestBot.Holder(folder.Path, new FakeTimeProvider(TestBot.Now));
        Task<KnowledgeLoadResult>? second = null;
        holder.Reloaded += attempt =>
        {
            if (second is not null)
            {
                return;
            }

            // The first load has read the folder and still holds the reload lock.
            folder.Edit(Snippet, "Wear loose-fitting,", "Wear soft, loose-fitting,");
            second = Task.Factory.StartNew(holder.Reload, TaskCreationOptions.LongRunning);
            Thread.Sleep(100);
        };

        var first = holder.Reload();
        var secondResult = await second!;

        Assert.DoesNotContain("Wear soft, loose-fitting,", Body(first), StringComparison.Ordinal);
        Assert.Contains("Wear soft, loose-fitting,", Body(secondResult), StringComparison.Ordinal);
        Assert.Contains("Wear soft, loose-fitting,", holder.Current.Snippets.Single(s => s.Id == "what-to-wear").Body, StringComparison.Ordinal);
        Assert.Equal(3, holder.Generation);
    }

    [Fact]
    public void A_folder_that_cannot_be_served_keeps_the_last_good_snapshot_and_records_the_errors_until_a_fix()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var clock = new FakeTimeProvider(TestBot.Now);
        var holder = TestBot.Holder(folder.Path, clock);
        var served = holder.Current;
        var reply = folder.Read("replies/no-answer.md");

        folder.Delete("replies/no-answer.md");
        clock.Advance(TimeSpan.FromMinutes(1));
        var broken = holder.Reload();

        Assert.Null(broken.Knowledge);
        Assert.Same(served, holder.Current);
        Assert.Equal(1, holder.Generation);
        Assert.Equal(TestBot.Now, holder.ServingSince);
        Assert.Same(broken, holder.LastLoad);
        var failure = Assert.IsType<KnowledgeReload>(holder.LastFailure);
        Assert.False(failure.Served);
        Assert.Equal(TestBot.Now.AddMinutes(1), failure.At);
        Assert.Contains(failure.Result.Diagnostics, d => d.IsError && d.Message.Contains("no-answer", StringComparison.Ordinal));

        folder.Write("replies/no-answer.md", reply);
        clock.Advance(TimeSpan.FromMinutes(1));
        var fixedResult = holder.Reload();

        Assert.NotNull(fixedResult.Knowledge);
        Assert.Same(fixedResult.Knowledge, holder.Current);
        Assert.Equal(2, holder.Generation);
        Assert.Equal(TestBot.Now.AddMinutes(2), holder.ServingSince);
        Assert.Null(holder.LastFailure);
    }

    [Fact]
    public void A_file_the_yaml_parser_chokes_on_is_a_failed_reload_not_an_exception()
    {
        using var folder = KnowledgeFolder.CopyOfShipped();
        var holder = TestBot.Holder(folder.Path, new FakeTimeProvider(TestBot.Now));
        var served = holder.Current;
        folder.Edit("retrieval.yaml", "stopwords: [", "stopwords: [[");

        var result = holder.Reload();

        Assert.Null(result.Knowledge);
        Assert.True(result.HasErrors);
        Assert.Same(served, holder.Current);
        Assert.Same(result, holder.LastFailure?.Result);
    }

    [Fact]
    public void A_fixed_holder_serves_its_snapshot_as_generation_one_and_cannot_reload()
    {
        var knowledge = TestBot.Holder(Repo.Knowledge, new FakeTimeProvider(TestBot.Now)).Current;

        var holder = KnowledgeHolder.Fixed(knowledge, new FakeTimeProvider(TestBot.Now));

        Assert.Same(knowledge, holder.Current);
        Assert.Equal(1, holder.Generation);
        Assert.Null(holder.LastFailure);
        Assert.Throws<InvalidOperationException>(() => holder.Reload());
    }

    private static string Body(KnowledgeLoadResult result) =>
        result.Knowledge!.Snippets.Single(s => s.Id == "what-to-wear").Body;
}
