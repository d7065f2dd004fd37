using FaqBot.Core.Answering;
using FaqBot.Core.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.Core.Tests.Knowledge;

/// <summary>Only approved snippets whose review-by date has not passed are served.</summary>
public sealed class ServingTests
{
    private static readonly string[] Questions = ["What should I wear to my infusion?"];

    [Fact]
    public async Task An_approved_snippet_is_served_up_to_and_including_its_review_by_day()
    {
        using var folder = KnowledgeFolder.WithSnippets(("wear", SnippetText.Of("wear", "What to wear", Questions, "Loose, comfortable clothes.", reviewBy: "2026-12-01")));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        var bot = TestBot.Create(folder.Path, clock);

        var onTheDay = await bot.AskAsync("What should I wear to my infusion?");
        clock.Advance(TimeSpan.FromHours(2));
        var dayAfter = await bot.AskAsync("What should I wear to my infusion?");

        Assert.Equal(AnswerOutcome.Answered, onTheDay.Outcome);
        Assert.Equal("Loose, comfortable clothes.", onTheDay.Text);
        Assert.Equal(AnswerOutcome.Unanswered, dayAfter.Outcome);
        Assert.Empty(dayAfter.Citations);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("retired")]
    public async Task Draft_and_retired_snippets_are_not_served(string status)
    {
        using var folder = KnowledgeFolder.WithSnippets(
            ("wear", SnippetText.Of("wear", "What to wear", Questions, "Loose, comfortable clothes.", status: status)),
            ("bring", SnippetText.Of("bring", "What to bring", ["What should I bring?"], "A blanket.")));
        var bot = TestBot.Create(folder.Path);

        var answer = await bot.AskAsync("What should I wear to my infusion?");

        Assert.NotEqual(AnswerOutcome.Answered, answer.Outcome);
        Assert.DoesNotContain(answer.Trace.Candidates, c => c.SnippetId == "wear");
    }

    [Fact]
    public void Lint_warns_about_an_expired_review()
    {
        using var folder = KnowledgeFolder.WithSnippets(("wear", SnippetText.Of("wear", "What to wear", Questions, "Loose clothes.", reviewBy: "2026-06-30")));

        var result = folder.Load(new DateOnly(2026, 7, 1));

        var warning = Assert.Single(result.Diagnostics);
        Assert.False(warning.IsError);
        Assert.Equal("reviewBy", warning.Field);
    }
}
