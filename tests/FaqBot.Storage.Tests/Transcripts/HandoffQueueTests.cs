using FaqBot.Core.Answering;
using FaqBot.Storage.Handoffs;
using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using static FaqBot.Storage.Tests.TestSupport.Turns;

namespace FaqBot.Storage.Tests.Transcripts;

public abstract class HandoffQueueTests(Engine engine) : StoreContract(engine)
{
    private TranscriptStore Store => Temp.Store;

    protected override async Task SeedAsync() => await Temp.AppendAsync(
        Of("oldest", T0.AddHours(1), "no-answer", handoff: Handoff("no-answer", T0.AddHours(1), message: "Do you take insurance?")),
        Of("dosing", T0.AddHours(2), "decline", "dosing", handoff: Handoff("dosing", T0.AddHours(2))),
        Of("urgent-early", T0.AddHours(3), "decline", "urgent", handoff: Handoff("urgent", T0.AddHours(3), urgent: true, message: "I want to end it")),
        Of("answered", T0.AddHours(3.5)),
        Of("urgent-late", T0.AddHours(4), "decline", "urgent", handoff: Handoff("urgent", T0.AddHours(4), urgent: true)));

    [Fact]
    public async Task Urgent_items_come_first_then_dosing_and_diagnostic_then_the_rest_each_longest_waiting_first()
    {
        var queue = await Store.HandoffsAsync(includeClosed: false, default);

        Assert.Equal(["urgent-early", "urgent-late", "dosing", "oldest"], queue.Select(h => h.ConversationId));
        Assert.Equal([HandoffPriority.Urgent, HandoffPriority.Urgent, HandoffPriority.High, HandoffPriority.Normal], queue.Select(h => h.Priority));
    }

    [Fact]
    public async Task A_callback_goes_sealed_with_the_latest_open_item_and_raises_it_or_makes_an_item_of_its_own()
    {
        var oldest = (await Store.HandoffsAsync(false, default)).Single(h => h.ConversationId == "oldest");
        var contact = new CallbackContact("Ottilie Brannagh", "+441632960961", "", "after 5pm", "callback-consent", 3, T0.AddHours(6));

        await Temp.AppendAsync(
            new TurnRecord("oldest", "webchat", T0.AddHours(6), [], null, null) { Callback = new CallbackRecord(contact, T0.AddHours(6)) { Priority = HandoffPriority.Urgent } },
            new TurnRecord("newcomer", "webchat", T0.AddHours(7), [], null, null) { Callback = new CallbackRecord(contact with { Name = "Ansel Fairweather" }, T0.AddHours(7)) });

        var queue = await Store.HandoffsAsync(false, default);
        var raised = queue.Single(h => h.Id == oldest.Id);
        Assert.Equal((HandoffPriority.Urgent, T0.AddHours(6)), (raised.Priority, raised.CallbackAt));
        Assert.Equal(contact, await Store.CallbackContactAsync(oldest.Id, default));
        var own = queue.Single(h => h.ConversationId == "newcomer");
        Assert.Equal((HandoffDecision.Callback, HandoffPriority.Normal, ""), (own.Reason, own.Priority, own.Message));
        Assert.Equal("Ansel Fairweather", (await Store.CallbackContactAsync(own.Id, default))?.Name);
        Assert.Null(await Store.CallbackContactAsync(queue.Single(h => h.ConversationId == "dosing").Id, default));
        var stored = await DiskContents.RawValuesAsync(Temp.Database, "handoffs", "contact");
        Assert.Equal(2, stored.Count);
        foreach (var detail in new[] { "Brannagh", "Fairweather", "1632960961" })
        {
            Assert.DoesNotContain(stored, value => value.Contains(detail, StringComparison.Ordinal));
            Assert.False(Engine == Engine.Sqlite && DiskContents.FilesHold(Temp.SqliteFile, detail), $"the database files hold {detail} in clear");
        }
    }

    [Fact]
    public async Task A_callback_after_the_items_are_closed_makes_a_new_one()
    {
        var item = (await Store.HandoffsAsync(false, default)).Single(h => h.ConversationId == "oldest");
        await Store.SetHandoffStatusAsync(item.Id, HandoffStatus.Closed, "sam", T0.AddHours(5), default);
        var contact = new CallbackContact("Ottilie Brannagh", "", "o@example.org", "", "callback-consent", 1, T0.AddHours(6));

        await Temp.AppendAsync(new TurnRecord("oldest", "webchat", T0.AddHours(6), [], null, null) { Callback = new CallbackRecord(contact, T0.AddHours(6)) });

        var items = (await Store.HandoffsAsync(true, default)).Where(h => h.ConversationId == "oldest").ToList();
        Assert.Equal(2, items.Count);
        Assert.False(items.Single(h => h.Id == item.Id).WantsCallback);
        Assert.True(items.Single(h => h.Id != item.Id).WantsCallback);
    }

    [Fact]
    public async Task Retention_deletes_the_contact_details_with_the_item_and_its_conversation()
    {
        var item = (await Store.HandoffsAsync(false, default)).Single(h => h.ConversationId == "oldest");
        var contact = new CallbackContact("Ottilie Brannagh", "+441632960961", "", "", "callback-consent", 1, T0.AddHours(6));
        await Temp.AppendAsync(new TurnRecord("oldest", "webchat", T0.AddHours(1), [], null, null) { Callback = new CallbackRecord(contact, T0.AddHours(1)) });
        Assert.NotNull(await Store.CallbackContactAsync(item.Id, default));

        await Store.PurgeAsync(T0.AddHours(1).AddMinutes(1), default);

        Assert.Null(await Store.HandoffAsync(item.Id, default));
        Assert.Null(await Store.CallbackContactAsync(item.Id, default));
        Assert.Empty(await DiskContents.RawValuesAsync(Temp.Database, "handoffs", "contact"));
    }

    [Fact]
    public async Task Masked_contact_details_keep_an_initial_the_last_two_digits_and_the_domain()
    {
        var contact = new CallbackContact("Ottilie Brannagh", "+441632960961", "ottilie@example.org", "after 5pm", "callback-consent", 1, T0);

        var masked = contact.Masked();

        Assert.Equal(("O…", "…61", "o…@example.org", "…"), (masked.Name, masked.Phone, masked.Email, masked.BestTime));
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

        Assert.Equal(["urgent-late", "dosing", "oldest"], open.Select(h => h.ConversationId));
        Assert.Equal(["urgent-early", "urgent-late", "dosing", "oldest"], all.Select(h => h.ConversationId));
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

    public sealed class OnSqlite() : HandoffQueueTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : HandoffQueueTests(Engine.PostgreSql);
}
