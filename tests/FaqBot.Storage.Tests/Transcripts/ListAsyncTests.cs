using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using static FaqBot.Storage.Tests.TestSupport.Turns;

namespace FaqBot.Storage.Tests.Transcripts;

/// <summary>The conversation list over a dataset with one conversation per kind of turn, two
/// outside the date range and two that straddle its start and its end.</summary>
public abstract class ListAsyncTests(Engine engine) : StoreContract(engine)
{
    private static readonly ConversationFilter Day = new() { From = T0, To = T0.AddDays(1) };

    private TranscriptStore Store => Temp.Store;

    protected override async Task SeedAsync()
    {
        var negative = Of("negative", T0.AddHours(8));
        var mixed = Of("mixed", T0.AddHours(9));
        await Temp.AppendAsync(
            Of("answered", T0.AddHours(1)),
            Of("clarified", T0.AddHours(2), "clarify"),
            Of("unanswered", T0.AddHours(3), "no-answer", handoff: Handoff("no-answer", T0.AddHours(3))),
            Of("urgent", T0.AddHours(4), "decline", "urgent", handoff: Handoff("urgent", T0.AddHours(4), urgent: true)),
            Of("dosing", T0.AddHours(5), "decline", "dosing", handoff: Handoff("dosing", T0.AddHours(5))),
            Of("diagnostic", T0.AddHours(6), "decline", "diagnostic", handoff: Handoff("diagnostic", T0.AddHours(6))),
            Of("low", T0.AddHours(7), lowConfidence: true),
            negative,
            mixed,
            Of("mixed", T0.AddHours(9).AddMinutes(1), "no-answer"),
            Of("mixed", T0.AddHours(9).AddMinutes(2), "smalltalk"),
            Of("before", T0.AddDays(-2)),
            Of("after", T0.AddDays(2), "no-answer"),
            Of("spanning", T0.AddMinutes(-30), "clarify"),
            Of("spanning", T0.AddMinutes(10)),
            Of("late", T0.AddHours(23), "clarify"),
            Of("late", T0.AddHours(25)));
        await Store.RecordFeedbackAsync("negative", negative.Turn!.InboundActivityId!, Feedback.Unhelpful, T0.AddHours(8), default);
        await Store.RecordFeedbackAsync("mixed", mixed.Turn!.InboundActivityId!, Feedback.Helpful, T0.AddHours(9), default);
        await Store.SetReviewedAsync("answered", true, "rita", T0.AddHours(10), default);
        await Store.SetReviewedAsync("negative", true, "rita", T0.AddHours(10), default);
    }

    [Fact]
    public async Task Date_range_keeps_overlapping_conversations_newest_first()
    {
        var list = await Store.ListAsync(Day, default);

        Assert.Equal(
            ["late", "mixed", "negative", "low", "diagnostic", "dosing", "urgent", "unanswered", "clarified", "answered", "spanning"],
            list.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Open_date_bounds_drop_only_the_closed_side()
    {
        var all = await Store.ListAsync(new ConversationFilter(), default);
        var fromOnly = await Store.ListAsync(new ConversationFilter { From = T0 }, default);
        var toOnly = await Store.ListAsync(new ConversationFilter { To = T0.AddDays(1) }, default);

        Assert.Equal(13, all.Counts.All);
        Assert.DoesNotContain("before", fromOnly.Items.Select(r => r.Id));
        Assert.Contains("after", fromOnly.Items.Select(r => r.Id));
        Assert.Contains("before", toOnly.Items.Select(r => r.Id));
        Assert.DoesNotContain("after", toOnly.Items.Select(r => r.Id));
    }

    [Theory]
    [InlineData(OutcomeFilter.Answered, "answered", "late", "low", "mixed", "negative", "spanning")]
    [InlineData(OutcomeFilter.Clarified, "clarified", "late", "spanning")]
    [InlineData(OutcomeFilter.Unanswered, "mixed", "unanswered")]
    [InlineData(OutcomeFilter.Declined, "diagnostic", "dosing", "urgent")]
    [InlineData(OutcomeFilter.DeclinedUrgent, "urgent")]
    [InlineData(OutcomeFilter.DeclinedDosing, "dosing")]
    [InlineData(OutcomeFilter.DeclinedDiagnostic, "diagnostic")]
    public async Task Outcome_matches_conversations_with_any_such_turn(OutcomeFilter outcome, params string[] expected)
    {
        var list = await Store.ListAsync(Day with { Outcome = outcome }, default);

        Assert.Equal(expected, list.Items.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Length, list.Counts.Matching);
    }

    [Fact]
    public async Task Low_confidence_and_negative_feedback_filters()
    {
        var low = await Store.ListAsync(Day with { LowConfidenceOnly = true }, default);
        var negative = await Store.ListAsync(Day with { NegativeFeedbackOnly = true }, default);

        Assert.Equal(["low"], low.Items.Select(r => r.Id));
        Assert.Equal(["negative"], negative.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Reviewed_filter_and_its_opposite()
    {
        var reviewed = await Store.ListAsync(Day with { Reviewed = true }, default);
        var notReviewed = await Store.ListAsync(Day with { Reviewed = false }, default);

        Assert.Equal(["negative", "answered"], reviewed.Items.Select(r => r.Id));
        Assert.Equal(9, notReviewed.Items.Count);
        Assert.DoesNotContain(notReviewed.Items, r => r.Reviewed);
    }

    [Fact]
    public async Task Filters_combine()
    {
        var list = await Store.ListAsync(Day with { Outcome = OutcomeFilter.Answered, Reviewed = false }, default);

        Assert.Equal(["late", "mixed", "low", "spanning"], list.Items.Select(r => r.Id));
        Assert.Equal(4, list.Counts.Matching);
    }

    [Fact]
    public async Task Counts_are_per_outcome_within_the_date_range_whatever_the_other_filters()
    {
        var list = await Store.ListAsync(Day with { Outcome = OutcomeFilter.Declined, Reviewed = false }, default);

        Assert.Equal(
            new ConversationCounts(All: 11, Answered: 6, Clarified: 3, Unanswered: 2, Declined: 3, DeclinedUrgent: 1, DeclinedDosing: 1,
                DeclinedDiagnostic: 1, LowConfidence: 1, NegativeFeedback: 1, Reviewed: 2, NotReviewed: 9, Matching: 3),
            list.Counts);
    }

    [Fact]
    public async Task Rows_count_their_turns_by_outcome()
    {
        var rows = (await Store.ListAsync(Day, default)).Items.ToDictionary(r => r.Id);

        var mixed = rows["mixed"];
        Assert.Equal((3, 1, 0, 1, 0, 0, 0), (mixed.Turns, mixed.Answered, mixed.Clarified, mixed.Unanswered, mixed.Declined, mixed.LowConfidence, mixed.NegativeFeedback));
        Assert.Equal((1, 1), (rows["negative"].Turns, rows["negative"].NegativeFeedback));
        Assert.Equal(1, rows["low"].LowConfidence);
        Assert.Equal(1, rows["dosing"].Declined);
        Assert.Equal((2, 1, 1), (rows["spanning"].Turns, rows["spanning"].Answered, rows["spanning"].Clarified));
        Assert.Equal((T0.AddMinutes(-30), T0.AddMinutes(10)), (rows["spanning"].StartedAt, rows["spanning"].LastAt));
        Assert.Equal((T0.AddHours(23), T0.AddHours(25)), (rows["late"].StartedAt, rows["late"].LastAt));
        Assert.True(rows["answered"].Reviewed);
        Assert.False(rows["low"].Reviewed);
        Assert.Equal("webchat", rows["low"].Channel);
    }

    [Fact]
    public async Task Rows_carry_their_tags()
    {
        await Store.SetTagsAsync("low", ["Needs-Snippet", "pricing"], default);

        var row = (await Store.ListAsync(Day with { LowConfidenceOnly = true }, default)).Items.Single();

        Assert.Equal(["needs-snippet", "pricing"], row.Tags);
    }

    [Fact]
    public async Task A_deleted_conversation_disappears_from_lists_counts_queue_and_report()
    {
        Assert.True(await Store.DeleteConversationAsync("mixed", default));
        Assert.True(await Store.DeleteConversationAsync("urgent", default));

        var list = await Store.ListAsync(Day, default);
        Assert.DoesNotContain(list.Items, r => r.Id is "mixed" or "urgent");
        Assert.Equal((9, 1, 0, 2), (list.Counts.All, list.Counts.Unanswered, list.Counts.DeclinedUrgent, list.Counts.Declined));
        Assert.Null(await Store.GetAsync("mixed", default));
        Assert.DoesNotContain(await Store.HandoffsAsync(includeClosed: true, default), h => h.ConversationId == "urgent");
        Assert.DoesNotContain(await Store.UnansweredAsync(T0, T0.AddDays(1), default), q => q.ConversationId == "mixed");
    }

    [Fact]
    public async Task Purged_conversations_disappear_from_lists()
    {
        Assert.Equal(1, await Store.PurgeAsync(T0.AddDays(-1), default));

        var list = await Store.ListAsync(new ConversationFilter(), default);

        Assert.Equal(12, list.Counts.All);
        Assert.DoesNotContain(list.Items, r => r.Id == "before");
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, TranscriptStore.MaxPageSize + 1)]
    public async Task Bad_paging_is_rejected(int skip, int take)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListAsync(new ConversationFilter { Skip = skip, Take = take }, default));
    }

    public sealed class OnSqlite() : ListAsyncTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : ListAsyncTests(Engine.PostgreSql);
}
