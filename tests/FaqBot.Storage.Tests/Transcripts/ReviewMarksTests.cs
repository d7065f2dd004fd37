using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using static FaqBot.Storage.Tests.TestSupport.Turns;

namespace FaqBot.Storage.Tests.Transcripts;

public abstract class ReviewMarksTests(Engine engine) : StoreContract(engine)
{
    private TranscriptStore Store => Temp.Store;

    protected override async Task SeedAsync() => await Temp.AppendAsync(Of("c", T0));

    [Fact]
    public async Task Unmarking_a_review_clears_who_and_when()
    {
        await Store.SetReviewedAsync("c", true, "rita", T0, default);
        Assert.True(await Store.SetReviewedAsync("c", false, "sam", T0.AddHours(1), default));

        var detail = await Store.GetAsync("c", default);

        Assert.Null(detail!.ReviewedAt);
        Assert.Null(detail.ReviewedBy);
    }

    [Fact]
    public async Task Marks_on_an_unknown_conversation_report_false()
    {
        Assert.False(await Store.SetReviewedAsync("nope", true, "rita", T0, default));
        Assert.False(await Store.SetTagsAsync("nope", ["a"], default));
        Assert.False(await Store.SetNoteAsync("nope", "x", default));
    }

    [Fact]
    public async Task Tags_are_trimmed_lower_cased_and_deduplicated()
    {
        await Store.SetTagsAsync("c", ["  Pricing ", "needs-SNIPPET", "pricing", "PRICING", "a1"], default);

        Assert.Equal(["pricing", "needs-snippet", "a1"], (await Store.GetAsync("c", default))!.Tags);
    }

    [Fact]
    public async Task Setting_no_tags_clears_them()
    {
        await Store.SetTagsAsync("c", ["pricing"], default);
        await Store.SetTagsAsync("c", [], default);

        Assert.Empty((await Store.GetAsync("c", default))!.Tags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("two words")]
    [InlineData("comma,inside")]
    [InlineData("semi;colon")]
    [InlineData("<script>")]
    [InlineData("caf\u00e9")]
    [InlineData("abcdefghijabcdefghijabcdefghijabc")]
    public async Task Bad_tags_are_rejected_and_nothing_changes(string bad)
    {
        await Store.SetTagsAsync("c", ["kept"], default);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SetTagsAsync("c", ["fine", bad], default));

        Assert.Equal(["kept"], (await Store.GetAsync("c", default))!.Tags);
    }

    [Fact]
    public async Task A_tag_of_32_characters_is_accepted()
    {
        var tag = new string('a', 31) + "9";

        Assert.True(await Store.SetTagsAsync("c", [tag], default));
        Assert.Equal([tag], (await Store.GetAsync("c", default))!.Tags);
    }

    [Fact]
    public async Task Notes_up_to_4000_characters_are_kept_and_longer_ones_rejected()
    {
        var longest = new string('n', TranscriptStore.MaxNoteLength);
        Assert.True(await Store.SetNoteAsync("c", longest, default));

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SetNoteAsync("c", longest + "!", default));
        Assert.Equal(longest, (await Store.GetAsync("c", default))!.Note);
    }

    [Fact]
    public async Task Values_are_parameters_not_sql()
    {
        const string Note = "'); DROP TABLE conversations; --";
        await Store.SetNoteAsync("c", Note, default);

        Assert.Equal(Note, (await Store.GetAsync("c", default))!.Note);
        Assert.Null(await Store.GetAsync("c' OR '1'='1", default));
    }

    public sealed class OnSqlite() : ReviewMarksTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : ReviewMarksTests(Engine.PostgreSql);
}
