using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Answering;

public sealed class AnswererTests
{
    private readonly Answerer _bot = TestBot.Create();

    [Fact]
    public async Task An_answer_is_the_snippet_verbatim_with_its_citations()
    {
        var knowledge = KnowledgeLoader.Load(Repo.Knowledge, KnowledgeFolder.Clinic, new DateOnly(2026, 12, 1)).Knowledge!;
        var snippet = knowledge.Snippets.Single(s => s.Id == "getting-home");

        var answer = await _bot.AskAsync("Can I drive home after my infusion?");

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Null(answer.Category);
        Assert.Equal(snippet.Body, answer.Text);
        var expectedSources = snippet.AllSources.Select(s => s.DocumentId).Distinct().ToList();
        Assert.Equal(expectedSources, answer.Citations.Select(c => c.SourceId));
        Assert.All(answer.Citations, c =>
        {
            Assert.Equal("getting-home", c.SnippetId);
            Assert.Equal(snippet.Title, c.Title);
            Assert.Equal(snippet.Version, c.SnippetVersion);
            Assert.Equal(knowledge.Sources[c.SourceId].Title, c.Source);
        });
        Assert.StartsWith("answer:", answer.Trace.Decision, StringComparison.Ordinal);
        Assert.Equal("getting-home", answer.Trace.Candidates[0].SnippetId);
        Assert.True(answer.Trace.Timings.TotalMicroseconds >= answer.Trace.Timings.RetrievalMicroseconds);
    }

    [Fact]
    public async Task Close_candidates_get_a_clarifying_question_with_their_titles()
    {
        using var folder = TwoParkingSnippets();
        var bot = TestBot.Create(folder.Path);

        var answer = await bot.AskAsync("is there parking?");

        Assert.Equal(AnswerOutcome.Clarify, answer.Outcome);
        Assert.Equal(["Bike parking", "Car parking"], answer.Suggestions.Order());
        Assert.Contains("- Bike parking", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Citations);
        Assert.Equal("clarify", answer.Trace.ReplyId);
    }

    [Fact]
    public async Task Choosing_a_suggested_title_answers_that_snippet()
    {
        using var folder = TwoParkingSnippets();
        var bot = TestBot.Create(folder.Path);

        var answer = await bot.AskAsync("Car parking");

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal("The car park is behind the building.", answer.Text);
    }

    [Fact]
    public async Task A_clear_winner_is_answered_without_asking()
    {
        using var folder = TwoParkingSnippets();
        var bot = TestBot.Create(folder.Path);

        var answer = await bot.AskAsync("where do bikes go, is there parking");

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal("bikes", answer.Citations[0].SnippetId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    [InlineData(null)]
    public async Task Empty_input_is_invalid_with_a_helpful_message(string? message)
    {
        var answer = await _bot.AskAsync(message);

        Assert.Equal(AnswerOutcome.Invalid, answer.Outcome);
        Assert.Contains("type your question", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_over_the_limit_is_invalid_and_names_the_limit()
    {
        var bot = TestBot.Create(input: new InputOptions { MaxQuestionLength = 50 });
        var atLimit = "Can I drive home after my infusion?".PadRight(50, ' ');

        var tooLong = await bot.AskAsync(atLimit + "x");
        var fits = await bot.AskAsync(atLimit);

        Assert.Equal(AnswerOutcome.Invalid, tooLong.Outcome);
        Assert.Contains("50 characters", tooLong.Text, StringComparison.Ordinal);
        Assert.Equal(AnswerOutcome.Answered, fits.Outcome);
    }

    [Theory]
    [InlineData("hello there", "greeting")]
    [InlineData("Hiii!!", "greeting")]
    [InlineData("good morning :)", "greeting")]
    [InlineData("thank you!", "thanks")]
    [InlineData("thanks so much, that helps", "thanks")]
    [InlineData("bye!", "goodbye")]
    [InlineData("ok see you later", "goodbye")]
    [InlineData("are you a real person?", "identity")]
    [InlineData("am I talking to a bot", "identity")]
    public async Task Small_talk_gets_its_fixed_reply(string message, string replyId)
    {
        var answer = await _bot.AskAsync(message);

        Assert.Equal(AnswerOutcome.SmallTalk, answer.Outcome);
        Assert.Equal(replyId, answer.Trace.ReplyId);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task The_bot_says_it_is_automated()
    {
        var greeting = await _bot.AskAsync("hi");
        var identity = await _bot.AskAsync("is this a human?");

        Assert.Contains("automated assistant", greeting.Text, StringComparison.Ordinal);
        Assert.Contains("automated assistant", identity.Text, StringComparison.Ordinal);
        Assert.Contains(KnowledgeFolder.Clinic.Phone, identity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_greeting_with_a_question_is_answered_not_small_talk()
    {
        var answer = await _bot.AskAsync("hi! what should I wear for my infusion?");

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.Equal("what-to-wear", answer.Citations[0].SnippetId);
    }

    [Fact]
    public async Task The_no_answer_reply_says_how_to_reach_staff()
    {
        var answer = await _bot.AskAsync("do you validate parking tickets");

        Assert.Equal(AnswerOutcome.Unanswered, answer.Outcome);
        Assert.Contains(KnowledgeFolder.Clinic.Phone, answer.Text, StringComparison.Ordinal);
        Assert.Equal("no-answer", answer.Trace.ReplyId);
    }

    /// <summary>Two snippets that a question about parking in general fits equally well.</summary>
    private static KnowledgeFolder TwoParkingSnippets() => KnowledgeFolder.WithSnippets(
        ("bikes", SnippetText.Of("bikes", "Bike parking", ["Is there parking for bikes?"], "Bike racks are by the door.")),
        ("cars", SnippetText.Of("cars", "Car parking", ["Is there parking for cars?"], "The car park is behind the building.")));
}
