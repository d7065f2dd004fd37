using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using static FaqBot.Storage.Tests.TestSupport.Turns;

namespace FaqBot.Storage.Tests.Transcripts;

public abstract class PagingTests(Engine engine) : StoreContract(engine)
{
    protected override async Task SeedAsync()
    {
        // Stored out of time order: the list orders by last activity, not by insertion.
        foreach (var hour in new[] { 3, 6, 1, 7, 2, 5, 4 })
        {
            await Temp.AppendAsync(Of($"c{hour}", T0.AddHours(hour)));
        }
    }

    [Fact]
    public async Task Pages_are_consecutive_slices_of_the_newest_first_list()
    {
        var pages = new List<IReadOnlyList<string>>();
        for (var skip = 0; skip < 9; skip += 3)
        {
            var page = await Temp.Store.ListAsync(new ConversationFilter { Skip = skip, Take = 3 }, default);
            Assert.Equal(7, page.Counts.Matching);
            pages.Add([.. page.Items.Select(r => r.Id)]);
        }

        Assert.Equal(["c7", "c6", "c5"], pages[0]);
        Assert.Equal(["c4", "c3", "c2"], pages[1]);
        Assert.Equal(["c1"], pages[2]);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_but_still_counts()
    {
        var page = await Temp.Store.ListAsync(new ConversationFilter { Skip = 50, Take = 10 }, default);

        Assert.Empty(page.Items);
        Assert.Equal(7, page.Counts.All);
    }

    [Fact]
    public async Task A_later_turn_moves_a_conversation_to_the_top()
    {
        await Temp.AppendAsync(Of("c1", T0.AddHours(8)));

        var page = await Temp.Store.ListAsync(new ConversationFilter { Take = 2 }, default);

        Assert.Equal(["c1", "c7"], page.Items.Select(r => r.Id));
        Assert.Equal(T0.AddHours(1), page.Items[0].StartedAt);
    }

    public sealed class OnSqlite() : PagingTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : PagingTests(Engine.PostgreSql);
}
