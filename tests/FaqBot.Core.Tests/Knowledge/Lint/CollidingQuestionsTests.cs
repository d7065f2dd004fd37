using FaqBot.Core.Knowledge;
using FaqBot.Core.Knowledge.Lint;
using FaqBot.Core.Tests.TestSupport;

namespace FaqBot.Core.Tests.Knowledge.Lint;

public sealed class CollidingQuestionsTests
{
    [Fact]
    public async Task A_draft_question_with_the_same_content_terms_as_another_snippets_question_collides()
    {
        // contact-and-booking asks "How do I schedule a consultation?": {book, consult} both ways.
        using var folder = Linting.ShippedWith("zz-consultation-draft", SnippetText.Of(
            "zz-consultation-draft", "Consultation fees", ["What does a consultation cost?", "Can I book a consultation?"],
            "Ask our team about fees when you call.", status: "draft"));

        var report = await Linting.LintAsync(folder);

        var finding = Linting.Single(report, LintRules.CollidingQuestions, "snippets/zz-consultation-draft.md", "questions[1]");
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Contains("contact-and-booking.md questions[4]", finding.Message, StringComparison.Ordinal);
        Assert.Contains("book, consult", finding.Message, StringComparison.Ordinal);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public async Task A_light_word_only_duplicate_is_caught_by_retrieval_ranking_and_reported_once()
    {
        // "What is ketamine?" has no content term (both words are light), so only retrieval sees the tie.
        using var folder = Linting.ShippedWith("zz-ketamine-facts", SnippetText.Of(
            "zz-ketamine-facts", "Facts about the medicine", ["What is ketamine?"], "Ketamine is a medicine."));

        var report = await Linting.LintAsync(folder);

        var finding = Linting.Single(report, LintRules.CollidingQuestions, "snippets/what-is-ketamine-therapy.md", "questions[1]");
        Assert.Contains("retrieval ranks", finding.Message, StringComparison.Ordinal);
        Assert.Contains("zz-ketamine-facts.md", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_that_share_a_topic_but_not_their_terms_do_not_collide()
    {
        // {book, consult, phone} against {book, consult}: Jaccard 0.67, below 0.8.
        using var folder = Linting.ShippedWith("zz-consultation-draft", SnippetText.Of(
            "zz-consultation-draft", "Consultation fees", ["Can I book a consultation by phone?"],
            "Ask our team about fees when you call.", status: "draft"));

        var report = await Linting.LintAsync(folder);

        Assert.Empty(report.Of(LintRules.CollidingQuestions));
    }

    [Fact]
    public async Task Questions_of_a_retired_snippet_are_not_checked()
    {
        using var folder = Linting.ShippedWith("zz-consultation-draft", SnippetText.Of(
            "zz-consultation-draft", "Consultation fees", ["Can I book a consultation?"],
            "Ask our team about fees when you call.", status: "retired"));

        var report = await Linting.LintAsync(folder);

        Assert.Empty(report.Of(LintRules.CollidingQuestions));
    }
}
