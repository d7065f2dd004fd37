using FaqBot.Storage.Tests.TestSupport;
using FaqBot.Storage.Transcripts;
using static FaqBot.Storage.Tests.TestSupport.Turns;

namespace FaqBot.Storage.Tests.Transcripts;

public abstract class UnansweredAsyncTests(Engine engine) : StoreContract(engine)
{
    [Fact]
    public async Task Only_no_answer_turns_inside_the_half_open_range_oldest_first()
    {
        await Temp.AppendAsync(
            Of("a", T0.AddHours(2), "no-answer", question: "Is parking free?"),
            Of("b", T0, "no-answer", question: "Do you take insurance?"),
            Of("b", T0.AddHours(1), "answer", question: "How long is an infusion?"),
            Of("c", T0.AddHours(1), "decline", "dosing", question: "How much should I take?"),
            Of("c", T0.AddHours(1.5), "clarify", question: "Is it safe?"),
            Of("d", T0.AddMinutes(-1), "no-answer", question: "Too early"),
            Of("d", T0.AddHours(3), "no-answer", question: "Exactly at the end"));

        var questions = await Temp.Store.UnansweredAsync(T0, T0.AddHours(3), default);

        Assert.Equal(
            [new UnansweredQuestion("b", T0, "Do you take insurance?"), new UnansweredQuestion("a", T0.AddHours(2), "Is parking free?")],
            questions);
    }

    [Fact]
    public async Task The_store_feeds_the_report()
    {
        await Temp.AppendAsync(
            Of("a", T0, "no-answer", question: "Do you take insurance?"),
            Of("b", T0.AddMinutes(1), "no-answer", question: "Does my insurance cover the infusions?"),
            Of("c", T0.AddMinutes(2), "no-answer", question: "Where do I park?"));

        var groups = UnansweredReport.Group(await Temp.Store.UnansweredAsync(T0, T0.AddDays(1), default), Repo.Knowledge);

        Assert.Equal([2, 1], groups.Select(g => g.Count));
        Assert.Equal(["b", "a"], groups[0].Examples.Select(e => e.ConversationId));
    }

    public sealed class OnSqlite() : UnansweredAsyncTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : UnansweredAsyncTests(Engine.PostgreSql);
}
