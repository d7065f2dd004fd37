using System.Diagnostics.CodeAnalysis;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using static FaqBot.Storage.Tests.TestSupport.Turns;

namespace FaqBot.Storage.Tests.Transcripts;

[SuppressMessage("Design", "CA1001", Justification = "xunit disposes the class through IAsyncLifetime.DisposeAsync.")]
public sealed class HandoffQueueTests : IAsyncLifetime
{
    private readonly TempStore _temp = new();

    private SqliteTranscriptStore Store => _temp.Store;

    public async Task InitializeAsync() => await _temp.AppendAsync(
        Of("oldest", T0.AddHours(1), "no-answer", handoff: Handoff("no-answer", T0.AddHours(1), message: "Do you take insurance?")),
        Of("dosing", T0.AddHours(2), "decline", "dosing", handoff: Handoff("dosing", T0.AddHours(2))),
        Of("urgent-early", T0.AddHours(3), "decline", "urgent", handoff: Handoff("urgent", T0.AddHours(3), urgent: true, message: "I want to end it")),
        Of("answered", T0.AddHours(3.5)),
        Of("urgent-late", T0.AddHours(4), "decline", "urgent", handoff: Handoff("urgent", T0.AddHours(4), urgent: true)));

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    [Fact]
    public async Task Urgent_items_come_first_then_the_longest_waiting()
    {
        var queue = await Store.HandoffsAsync(includeClosed: false, default);

        Assert.Equal(["urgent-early", "urgent-late", "oldest", "dosing"], queue.Select(h => h.ConversationId));
        Assert.Equal([true, true, false, false], queue.Select(h => h.Urgent));
    }

    [Fact]
    public async Task Items_carry_reason_rules_message_and_time()
    {
        var item = (await Store.HandoffsAsync(false, default))[0];

        Assert.Equal(("urgent", T0.AddHours(3), "I want to end it", HandoffStatus.New), (item.Reason, item.At, item.Message, item.Status));
        Assert.Equal(["urgent.self-harm", "urgent.crisis"], item.Rules);
        Assert.Null(item.StatusBy);
        Assert.Null(item.StatusAt);
    }

    [Fact]
    public async Task Status_changes_record_who_and_when()
    {
        var id = (await Store.HandoffsAsync(false, default)).Single(h => h.ConversationId == "oldest").Id;

        Assert.True(await Store.SetHandoffStatusAsync(id, HandoffStatus.Contacted, "sam", T0.AddHours(5), default));

        var item = (await Store.HandoffsAsync(false, default)).Single(h => h.Id == id);
        Assert.Equal((HandoffStatus.Contacted, "sam", T0.AddHours(5)), (item.Status, item.StatusBy, item.StatusAt));
    }

    [Fact]
    public async Task Closed_items_are_listed_only_when_asked()
    {
        var id = (await Store.HandoffsAsync(false, default)).Single(h => h.ConversationId == "urgent-early").Id;
        await Store.SetHandoffStatusAsync(id, HandoffStatus.Closed, "sam", T0.AddHours(5), default);

        var open = await Store.HandoffsAsync(includeClosed: false, default);
        var all = await Store.HandoffsAsync(includeClosed: true, default);

        Assert.Equal(["urgent-late", "oldest", "dosing"], open.Select(h => h.ConversationId));
        Assert.Equal(["urgent-early", "urgent-late", "oldest", "dosing"], all.Select(h => h.ConversationId));
        Assert.Equal(HandoffStatus.Closed, all[0].Status);
    }

    [Fact]
    public async Task A_closed_item_can_be_reopened()
    {
        var id = (await Store.HandoffsAsync(false, default))[0].Id;
        await Store.SetHandoffStatusAsync(id, HandoffStatus.Closed, "sam", T0.AddHours(5), default);
        await Store.SetHandoffStatusAsync(id, HandoffStatus.New, "rita", T0.AddHours(6), default);

        Assert.Equal(4, (await Store.HandoffsAsync(false, default)).Count);
    }

    [Fact]
    public async Task An_unknown_item_reports_false()
    {
        Assert.False(await Store.SetHandoffStatusAsync(987654, HandoffStatus.Closed, "sam", T0, default));
    }
}
