using FaqBot.Core.Answering;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Retrieval;

/// <summary>Retrieval over the shipped knowledge: these questions are phrased here, not copied from
/// any snippet, and each must reach the snippet that covers its topic.</summary>
public sealed class RetrievalTests
{
    private readonly Answerer _bot = TestBot.Create();

    [Theory]
    [InlineData("Am I allowed to get behind the wheel once the infusion is over?", "getting-home")]
    [InlineData("Will I need a ride back home?", "getting-home")]
    [InlineData("is driving ok afterwards", "getting-home")]
    [InlineData("How long does the drip run?", "infusion-length")]
    [InlineData("what clothes are best for treatment day", "what-to-wear")]
    [InlineData("Where is your office located?", "contact-and-booking")]
    [InlineData("is someone watching my vitals the whole time", "monitoring")]
    public async Task Paraphrases_reach_the_right_snippet(string question, string snippetId) =>
        await AssertAnsweredBy(question, snippetId);

    [Theory]
    [InlineData("how long does an infusoin take", "infusion-length")]
    [InlineData("can I dirve myself home after", "getting-home")]
    [InlineData("what hapens at the first consultaion", "first-consultation")]
    public async Task Typos_are_corrected(string question, string snippetId)
    {
        var answer = await AssertAnsweredBy(question, snippetId);
        Assert.Contains(answer.Trace.Terms, t => t.CorrectedFrom is not null);
    }

    [Theory]
    [InlineData("Is the medicine given by IV drip?", "how-ketamine-is-given")]
    [InlineData("is there a needle involved", "how-ketamine-is-given")]
    [InlineData("can a friend give me a lift afterwards", "getting-home")]
    public async Task Synonyms_match(string question, string snippetId) => await AssertAnsweredBy(question, snippetId);

    [Fact]
    public async Task Case_and_punctuation_do_not_change_the_answer()
    {
        var plain = await _bot.AskAsync("what should i wear");
        var shouted = await _bot.AskAsync("WHAT SHOULD I WEAR???!!");

        Assert.Equal(AnswerOutcome.Answered, plain.Outcome);
        Assert.Equal(plain.Text, shouted.Text);
        Assert.Equal(plain.Confidence, shouted.Confidence);
    }

    [Fact]
    public async Task Typographic_apostrophes_read_like_straight_ones()
    {
        var curly = await _bot.AskAsync("Why can\u2019t I drive after it\u2019s over?");
        var straight = await _bot.AskAsync("Why can't I drive after it's over?");

        Assert.Equal("getting-home", curly.Citations[0].SnippetId);
        Assert.Equal(straight.Trace.Terms.Select(t => t.Term), curly.Trace.Terms.Select(t => t.Term));
        Assert.DoesNotContain(curly.Trace.Terms, t => t.Term.Contains('\''));
    }

    [Theory]
    [InlineData("do you take insurance")]
    [InlineData("is there parking and how much does it cost")]
    [InlineData("what's the wifi password")]
    [InlineData("who won the game last night")]
    [InlineData("Does Medicare cover this?")]
    public async Task Questions_no_snippet_covers_are_not_answered(string question)
    {
        var answer = await _bot.AskAsync(question);

        Assert.Equal(AnswerOutcome.Unanswered, answer.Outcome);
        Assert.Empty(answer.Citations);
        Assert.StartsWith("I don't have an approved answer", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Confidence < TestBot.ShippedRetrieval().MinConfidence);
    }

    [Fact]
    public async Task Real_words_are_not_corrected_into_snippet_words()
    {
        var answer = await _bot.AskAsync("does medicare cover it");

        Assert.DoesNotContain(answer.Trace.Terms, t => t.CorrectedFrom is not null);
    }

    [Fact]
    public async Task A_higher_threshold_turns_a_weak_match_into_no_answer()
    {
        const string question = "Should I plan for someone to take me home?";
        var shipped = await _bot.AskAsync(question);
        var strict = TestBot.ShippedRetrieval();
        strict.MinConfidence = Math.Min(1, shipped.Confidence + 0.01);
        strict.DirectAnswerConfidence = Math.Max(strict.DirectAnswerConfidence, strict.MinConfidence);

        var answer = await TestBot.Create(retrieval: strict).AskAsync(question);

        Assert.Equal(AnswerOutcome.Answered, shipped.Outcome);
        Assert.Equal(AnswerOutcome.Unanswered, answer.Outcome);
        Assert.Equal(shipped.Confidence, answer.Confidence);
    }

    [Fact]
    public async Task Confidence_is_between_zero_and_one_and_candidates_are_ranked()
    {
        var answer = await _bot.AskAsync("what should I bring with me to my infusion");

        Assert.InRange(answer.Confidence, 0, 1);
        Assert.NotEmpty(answer.Trace.Candidates);
        Assert.Equal(answer.Trace.Candidates.OrderByDescending(c => c.Confidence).Select(c => c.SnippetId), answer.Trace.Candidates.Select(c => c.SnippetId));
    }

    private async Task<Answer> AssertAnsweredBy(string question, string snippetId)
    {
        var answer = await _bot.AskAsync(question);
        Assert.True(answer.Outcome == AnswerOutcome.Answered, $"'{question}' was {answer.Outcome}: {answer.Trace.Decision}");
        Assert.Equal(snippetId, answer.Citations[0].SnippetId);
        return answer;
    }
}
