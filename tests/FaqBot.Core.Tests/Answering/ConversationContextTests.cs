using FaqBot.Core.Answering;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Replies;
using FaqBot.Core.Safety;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Core.Tests.Answering;

public sealed class ConversationContextTests
{
    private static readonly KnowledgeBase Knowledge = TestBot.Holder(Repo.Knowledge, new FakeTimeProvider(TestBot.Now)).Current;

    private static Snippet AnySnippet => Knowledge.Snippets.First(s => s.Status == SnippetStatus.Approved);

    [Fact]
    public async Task After_an_urgent_message_an_answer_starts_with_the_crisis_reminder_and_keeps_its_citation()
    {
        var bot = TestBot.Create();

        var answer = await bot.AskAsync(AnySnippet.Questions[0], new ConversationContext(EarlierUrgent: true));

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.StartsWith(Knowledge.Replies[ReplyIds.UrgentReminder].Text, answer.Text, StringComparison.Ordinal);
        Assert.EndsWith(AnySnippet.Body.Trim(), answer.Text, StringComparison.Ordinal);
        Assert.Equal(AnySnippet.Id, answer.Citations[0].SnippetId);
        Assert.Contains("crisis resources repeated", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what time do you open?")]
    [InlineData("how many mg will I get")]
    [InlineData("hello")]
    [InlineData("")]
    public async Task After_an_urgent_message_every_kind_of_reply_starts_with_the_reminder(string message)
    {
        var answer = await TestBot.Create().AskAsync(message, new ConversationContext(EarlierUrgent: true));

        Assert.StartsWith(Knowledge.Replies[ReplyIds.UrgentReminder].Text, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_urgent_message_gets_the_full_urgent_reply_without_a_reminder_on_top()
    {
        var answer = await TestBot.Create().AskAsync("I want to end my life", new ConversationContext(EarlierUrgent: true));

        Assert.Equal(SafetyCategory.Urgent, answer.Category);
        Assert.DoesNotContain(Knowledge.Replies[ReplyIds.UrgentReminder].Text, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_context_nothing_is_added()
    {
        var answer = await TestBot.Create().AskAsync(AnySnippet.Questions[0]);

        Assert.StartsWith(AnySnippet.Body.Trim(), answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Related_questions_are_other_servable_snippets_and_never_the_answer_itself()
    {
        var bot = TestBot.Create();
        var today = DateOnly.FromDateTime(TestBot.Now.Date);

        foreach (var snippet in Knowledge.Snippets.Where(s => s.IsServable(today)))
        {
            var answer = await bot.AskAsync(snippet.Questions[0]);
            if (answer.Outcome != AnswerOutcome.Answered)
            {
                continue;
            }

            var answered = answer.Citations[0].SnippetId;
            Assert.InRange(answer.Related.Count, 0, 3);
            Assert.DoesNotContain(Knowledge.Snippets.Single(s => s.Id == answered).Title, answer.Related);
            Assert.All(answer.Related, title => Assert.Contains(Knowledge.Snippets, s => s.Title == title && s.IsServable(today)));
        }
    }

    [Fact]
    public async Task A_follow_up_that_cannot_be_answered_alone_is_read_with_the_previous_question()
    {
        var bot = await TestBot.HybridAsync();
        var first = await bot.AskAsync("what should I bring to my appointment", ConversationContext.None);
        var context = ConversationContext.None.After(first);

        var alone = await bot.AskAsync("is a pillow ok?", ConversationContext.None);
        var followUp = await bot.AskAsync("is a pillow ok?", context);

        Assert.Equal("what should I bring to my appointment", context.Topic);
        Assert.NotEqual(AnswerOutcome.Answered, alone.Outcome);
        Assert.Equal(AnswerOutcome.Answered, followUp.Outcome);
        Assert.Equal("what-to-bring", followUp.Citations[0].SnippetId);
        Assert.Contains("read with the previous question", followUp.Trace.Decision, StringComparison.Ordinal);
        Assert.Equal("what should I bring to my appointment, is a pillow ok?", followUp.ReadAs);
    }

    [Fact]
    public async Task A_follow_up_is_not_read_with_a_question_when_the_pair_trips_a_safety_rule()
    {
        var bot = await TestBot.HybridAsync();
        var context = ConversationContext.None with { Topic = "can i take my xanax the morning of" };

        var answer = await bot.AskAsync("is a pillow ok?", context);

        Assert.NotEqual(AnswerOutcome.Declined, answer.Outcome);
        Assert.DoesNotContain("read with the previous question", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the second one", 1)]
    [InlineData("2", 1)]
    [InlineData("the first", 0)]
    [InlineData("ok the last one please", 1)]
    public async Task After_a_did_you_mean_reply_a_choice_by_its_place_is_answered(string message, int index)
    {
        var bot = await TestBot.HybridAsync();
        var offered = Knowledge.Snippets.Where(s => s.Id is "getting-home" or "what-to-wear").OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var context = ConversationContext.None with { Offered = [.. offered.Select(s => s.Title)] };

        var answer = await bot.AskAsync(message, context);

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal(offered[index].Id, answer.Citations[0].SnippetId);
        Assert.Contains("offered before", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decline_leaves_no_topic_and_a_clarification_remembers_its_choices()
    {
        var bot = await TestBot.HybridAsync();

        var declined = ConversationContext.None.After(await bot.AskAsync("how many mg of ketamine will i get"));
        var clarify = await bot.AskAsync("can somebody ferry me back after?");
        var offered = ConversationContext.None.After(clarify);

        Assert.Null(declined.Topic);
        Assert.Empty(declined.Offered);
        Assert.Equal(AnswerOutcome.Clarify, clarify.Outcome);
        Assert.Equal(clarify.Suggestions, offered.Offered);
        Assert.Equal("can somebody ferry me back after?", offered.Topic);
    }

    [Fact]
    public void An_urgent_reply_is_remembered_for_the_rest_of_the_conversation()
    {
        var urgent = new Answer(AnswerOutcome.Declined, SafetyCategory.Urgent, "text", [], [], 0, AnswerTrace.ForReply("declined", "urgent", 1, new TraceTimings(0, 0)));
        var answered = new Answer(AnswerOutcome.Answered, null, "text", [], [], 0.9, AnswerTrace.ForReply("answer", "x", 1, new TraceTimings(0, 0))) { ReadAs = "q" };

        var context = ConversationContext.None.After(urgent).After(answered);

        Assert.True(context.EarlierUrgent);
        Assert.Equal("q", context.Topic);
    }

    /// <summary>The question a follow-up is read with is bounded, and a cut never leaves half of a
    /// surrogate pair at its start.</summary>
    [Fact]
    public void The_remembered_question_is_bounded_and_cut_between_characters()
    {
        var straddling = new string('a', 399) + "\U0001F600" + new string('b', Answerer.MaxTopicCharacters - 1);
        var longer = new string('x', 5_000);

        var cut = Answerer.Topic(straddling);

        Assert.True(cut.Length <= Answerer.MaxTopicCharacters);
        Assert.False(char.IsLowSurrogate(cut[0]));
        Assert.Equal(Answerer.MaxTopicCharacters, Answerer.Topic(longer).Length);
        Assert.Equal("short", Answerer.Topic("short"));
    }

    [Theory]
    [InlineData("\uDC00 lone half of a pair, what should i bring")]
    [InlineData("\uFFFE\u200B\u0301 what should i bring")]
    public async Task A_remembered_question_with_odd_unicode_is_read_with_a_follow_up_without_failing(string topic)
    {
        var bot = await TestBot.HybridAsync();

        var answer = await bot.AskAsync("is a pillow ok?", ConversationContext.None with { Topic = topic });

        Assert.NotEqual(AnswerOutcome.Invalid, answer.Outcome);
        Assert.NotEqual(AnswerOutcome.Declined, answer.Outcome);
    }
}
