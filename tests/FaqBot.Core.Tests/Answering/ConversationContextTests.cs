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
}
