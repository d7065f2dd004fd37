using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using static FaqBot.Storage.Tests.TestSupport.Turns;

namespace FaqBot.Storage.Tests.Transcripts;

public abstract class GetAsyncTests(Engine engine) : StoreContract(engine)
{
    [Fact]
    public async Task Activities_come_in_stored_order_and_turns_with_their_feedback()
    {
        var first = Of("c", T0, question: "Can I drive home?");
        var second = Of("c", T0.AddMinutes(1), "no-answer", question: "Do you take insurance?");
        var third = Of("c", T0.AddMinutes(2), "decline", "dosing", question: "How much should I take?");
        // Another conversation in between must not leak in.
        await Temp.AppendAsync(first, Of("other", T0.AddSeconds(30)), second, third);
        await Temp.Store.RecordFeedbackAsync("c", first.Turn!.InboundActivityId!, Feedback.Helpful, T0.AddMinutes(3), default);

        var detail = await Temp.Store.GetAsync("c", default);

        Assert.NotNull(detail);
        Assert.Equal(
            [.. new[] { first, second, third }.SelectMany(r => r.Activities).Select(a => a.ActivityId)],
            detail.Activities.Select(a => a.ActivityId));
        Assert.Equal(
            [ActivityDirection.In, ActivityDirection.Out, ActivityDirection.In, ActivityDirection.Out, ActivityDirection.In, ActivityDirection.Out],
            detail.Activities.Select(a => a.Direction));
        Assert.Equal(first.Activities[0].Json, detail.Activities[0].Json);
        Assert.Equal(first.Activities[1].At, detail.Activities[1].At);

        Assert.Equal(["Can I drive home?", "Do you take insurance?", "How much should I take?"], detail.Turns.Select(t => t.Summary.Question));
        Assert.Equal([Feedback.Helpful, null, null], detail.Turns.Select(t => t.Feedback));
        Assert.Equal(first.Turn, detail.Turns[0].Summary);
        Assert.Equal(third.Turn, detail.Turns[2].Summary);
        Assert.True(detail.Turns[0].Id < detail.Turns[1].Id);
        Assert.Equal((T0, T0.AddMinutes(2), "webchat"), (detail.StartedAt, detail.LastAt, detail.Channel));
    }

    [Fact]
    public async Task An_unknown_conversation_is_null()
    {
        await Temp.AppendAsync(Of("c", T0));

        Assert.Null(await Temp.Store.GetAsync("nope", default));
    }

    [Fact]
    public async Task Review_marks_tags_and_note_are_read_back()
    {
        await Temp.AppendAsync(Of("c", T0));
        await Temp.Store.SetReviewedAsync("c", true, "rita", T0.AddHours(1), default);
        await Temp.Store.SetTagsAsync("c", ["pricing"], default);
        await Temp.Store.SetNoteAsync("c", "Needs a snippet on cost.", default);

        var detail = await Temp.Store.GetAsync("c", default);

        Assert.Equal((T0.AddHours(1), "rita"), (detail!.ReviewedAt, detail.ReviewedBy));
        Assert.Equal(["pricing"], detail.Tags);
        Assert.Equal("Needs a snippet on cost.", detail.Note);
    }

    public sealed class OnSqlite() : GetAsyncTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : GetAsyncTests(Engine.PostgreSql);
}
