using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Generation;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Replies;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FaqBot.Core.Tests.Generation;

/// <summary>The answerer with a generator over a mocked chat model: a verified answer is sent as
/// generated, anything else sends the approved snippet verbatim, and declines, small talk and
/// unanswered questions never reach the model.</summary>
public sealed class GeneratedAnswersTests
{
    private const string Question = "Can I drive home after my infusion?";
    private const string Faithful = "Please plan for someone else to drive you home [1]. Ketamine can leave you feeling woozy afterwards, so you should not drive a car or operate heavy machinery for the rest of the day [1].";

    private static readonly Snippet GettingHome = Shipped.Snippet("getting-home");

    [Fact]
    public async Task A_verified_generated_answer_is_sent_with_its_markers_and_citations()
    {
        var chat = AnswerGeneratorTests.Replying(Faithful);

        var answer = await Bot(chat).AskAsync(Question);

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.True(answer.Generated);
        Assert.StartsWith(
            "Please plan for someone else to drive you home [1]. Ketamine can leave you feeling woozy afterwards, so you should not drive a car or operate heavy machinery for the rest of the day [1].",
            answer.Text,
            StringComparison.Ordinal);
        Assert.EndsWith(Shipped.Knowledge.Replies[ReplyIds.AiGenerated].Text, answer.Text, StringComparison.Ordinal);
        Assert.NotEqual(GettingHome.Body, answer.Text);
        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.Equal("getting-home", c.SnippetId));
        Assert.Equal(GettingHome.AllSources.Select(s => s.DocumentId).Distinct(), answer.Citations.Select(c => c.SourceId));
        Assert.NotNull(answer.Trace.Generation);
        Assert.Equal(GenerationVerdict.Sent, answer.Trace.Generation.Verdict);
        Assert.Equal($"getting-home v{GettingHome.Version}", answer.Trace.Generation.Snippets[0]);
        Assert.Contains("generated answer sent", answer.Trace.Decision, StringComparison.Ordinal);
        chat.Verify(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_chosen_snippet_is_shown_to_the_model_first()
    {
        var (chat, sent) = AnswerGeneratorTests.Recording(Faithful);

        await Bot(chat).AskAsync(Question);

        var messages = Assert.Single(sent);
        Assert.Contains($"[1] {GettingHome.Title}\n{GettingHome.Body.Trim()}", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(Question, messages[1].Text);
    }

    [Theory]
    [InlineData("The infusion is free [1].")]
    [InlineData("You are a good candidate for ketamine [1].")]
    [InlineData("Please plan for someone else to drive you home.")]
    public async Task An_unverified_reply_sends_the_approved_snippet_verbatim(string reply)
    {
        var answer = await Bot(AnswerGeneratorTests.Replying(reply)).AskAsync(Question);

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.False(answer.Generated);
        Assert.Equal(GettingHome.Body, answer.Text);
        Assert.All(answer.Citations, c => Assert.Equal("getting-home", c.SnippetId));
        Assert.NotNull(answer.Trace.Generation);
        Assert.Equal(GenerationVerdict.Unverified, answer.Trace.Generation.Verdict);
        Assert.Equal(reply, answer.Trace.Generation.RawOutput);
        Assert.Contains("generated answer not sent (unverified", answer.Trace.Decision, StringComparison.Ordinal);
        Assert.Contains("approved answer sent", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_not_found_marker_sends_the_approved_snippet_verbatim()
    {
        var answer = await Bot(AnswerGeneratorTests.Replying(AnswerGenerator.NotFoundMarker)).AskAsync(Question);

        Assert.False(answer.Generated);
        Assert.Equal(GettingHome.Body, answer.Text);
        Assert.Equal(GenerationVerdict.NotFound, answer.Trace.Generation?.Verdict);
        Assert.Contains("not sent (notfound", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_model_sends_the_approved_snippet_verbatim()
    {
        var chat = new Mock<IChatClient>();
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection refused"));

        var answer = await Bot(chat).AskAsync(Question);

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.False(answer.Generated);
        Assert.Equal(GettingHome.Body, answer.Text);
        Assert.Equal(GenerationVerdict.Failed, answer.Trace.Generation?.Verdict);
        Assert.Contains("not sent (failed: HttpRequestException", answer.Trace.Decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_that_never_replies_sends_the_approved_snippet_verbatim()
    {
        using var test = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var chat = new Mock<IChatClient>();
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(async (IEnumerable<ChatMessage> _, ChatOptions? _, CancellationToken token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, Faithful));
            });

        var answer = await Bot(chat, TimeSpan.FromMilliseconds(200)).AskAsync(Question, test.Token);

        Assert.False(test.IsCancellationRequested, "the test's own 30 s limit was reached: the time limit did not cut the model off");
        Assert.False(answer.Generated);
        Assert.Equal(GettingHome.Body, answer.Text);
        Assert.Equal(GenerationVerdict.TimedOut, answer.Trace.Generation?.Verdict);
    }

    [Fact]
    public async Task A_reply_citing_snippet_zero_sends_the_approved_snippet_verbatim()
    {
        var answer = await Bot(AnswerGeneratorTests.Replying("Please plan for someone else to drive you home [0].")).AskAsync(Question);

        Assert.Equal(GettingHome.Body, answer.Text);
        Assert.Equal(GenerationVerdict.Unverified, answer.Trace.Generation?.Verdict);
    }

    [Theory]
    [InlineData("i have been saving up my pills for tonight", AnswerOutcome.Declined)]
    [InlineData("how many mg of ketamine will I get", AnswerOutcome.Declined)]
    [InlineData("hello", AnswerOutcome.SmallTalk)]
    [InlineData("thank you so much", AnswerOutcome.SmallTalk)]
    [InlineData("What is the capital of France?", AnswerOutcome.Unanswered)]
    [InlineData("", AnswerOutcome.Invalid)]
    public async Task Messages_that_get_no_snippet_answer_never_reach_the_model(string message, AnswerOutcome outcome)
    {
        var chat = AnswerGeneratorTests.Replying(Faithful);

        var answer = await Bot(chat).AskAsync(message);

        Assert.Equal(outcome, answer.Outcome);
        Assert.False(answer.Generated);
        Assert.Null(answer.Trace.Generation);
        Assert.DoesNotContain("generated answer", answer.Trace.Decision, StringComparison.Ordinal);
        chat.Verify(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_urgent_message_is_declined_with_the_urgent_reply_and_no_answer_prompt_is_sent()
    {
        var (chat, sent) = AnswerGeneratorTests.Recording(Faithful);

        var answer = await Bot(chat).AskAsync("I want to kill myself, how long does the infusion take?");

        Assert.Equal(AnswerOutcome.Declined, answer.Outcome);
        Assert.Equal(Core.Safety.SafetyCategory.Urgent, answer.Category);
        Assert.DoesNotContain(sent, messages => messages.Any(m => m.Role == ChatRole.System && m.Text.StartsWith("You write the answers", StringComparison.Ordinal)));
        Assert.Empty(sent);
    }

    [Fact]
    public async Task Without_a_generator_the_answer_is_extractive_and_has_no_generation_trace()
    {
        var answer = await TestBot.Create().AskAsync(Question);

        Assert.False(answer.Generated);
        Assert.Null(answer.Trace.Generation);
        Assert.Equal(GettingHome.Body, answer.Text);
    }

    private static Answerer Bot(Mock<IChatClient> chat, TimeSpan? limit = null)
    {
        var time = new FakeTimeProvider(TestBot.Now);
        return new Answerer(
            TestBot.Holder(Repo.Knowledge, time),
            Options.Create(TestBot.ShippedRetrieval()),
            Options.Create(new InputOptions()),
            time,
            semantic: null,
            classifier: null,
            generator: AnswerGeneratorTests.Generator(chat, limit));
    }
}
