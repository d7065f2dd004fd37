using FaqBot.Cli.Ask;
using FaqBot.Cli.Tests.Support;
using FaqBot.Core.Answering;

namespace FaqBot.Cli.Tests.Ask;

/// <summary>How an answer reads in a terminal.</summary>
public sealed class AnswerPrinterTests
{
    private static readonly TraceTimings NoTime = new(0, 0);

    [Fact]
    public void An_answered_answer_prints_the_text_then_a_source_line_with_the_snippet_and_document_titles()
    {
        var answer = new Answer(
            AnswerOutcome.Answered,
            null,
            "Bring a friend to drive you home.",
            [
                new Citation("getting-home", "Getting home after an infusion", 3, "doc-a", "The Infusion Leaflet", "After care", "https://example.org/leaflet"),
                new Citation("getting-home", "Getting home after an infusion", 3, "doc-b", "Second Booklet", "Transport", null),
            ],
            [],
            0.93,
            new AnswerTrace("answer: test", [], [], null, null, NoTime));

        var lines = Lines(AnswerPrinter.Format(answer, withTrace: false));

        Assert.Equal("Bring a friend to drive you home.", lines[0]);
        var sourceIndex = Array.FindIndex(lines, l => l.StartsWith("Source:", StringComparison.Ordinal));
        Assert.True(sourceIndex > 0, "no line starts with 'Source:' after the text");
        var source = lines[sourceIndex];
        Assert.Contains("\"Getting home after an infusion\"", source, StringComparison.Ordinal);
        Assert.Contains("getting-home", source, StringComparison.Ordinal);
        Assert.Contains("version 3", source, StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("Source:", StringComparison.Ordinal));

        var documents = lines[(sourceIndex + 1)..];
        Assert.Contains(documents, l => l.Contains("The Infusion Leaflet", StringComparison.Ordinal)
            && l.Contains("\"After care\"", StringComparison.Ordinal)
            && l.Contains("https://example.org/leaflet", StringComparison.Ordinal));
        Assert.Contains(documents, l => l.Contains("Second Booklet", StringComparison.Ordinal)
            && l.Contains("\"Transport\"", StringComparison.Ordinal));
        Assert.DoesNotContain("outcome:", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unanswered_answer_prints_its_text_and_no_source()
    {
        var answer = new Answer(
            AnswerOutcome.Unanswered,
            null,
            "I don't have an approved answer to that yet.",
            [],
            [],
            0.12,
            AnswerTrace.ForReply("noanswer: test", "no-answer", 1, NoTime));

        var printed = AnswerPrinter.Format(answer, withTrace: false);

        Assert.Equal("I don't have an approved answer to that yet.", Lines(printed)[0]);
        Assert.DoesNotContain("Source:", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_answer_names_the_snippet_title_and_every_source_document_title()
    {
        var answer = await TestAnswerer.Shared.AskAsync("Can I drive home after my infusion?");
        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);

        var lines = Lines(AnswerPrinter.Format(answer, withTrace: false));

        var snippetFile = Path.Combine(RepoPaths.Snippets, answer.Citations[0].SnippetId + ".md");
        Assert.Equal(SnippetFile.Body(snippetFile), lines[0]);
        var source = Assert.Single(lines, l => l.StartsWith("Source:", StringComparison.Ordinal));
        Assert.Contains(SnippetFile.Field(snippetFile, "title"), source, StringComparison.Ordinal);
        foreach (var documentId in answer.Citations.Select(c => c.SourceId).Distinct())
        {
            var documentTitle = SnippetFile.Field(Path.Combine(RepoPaths.Knowledge, "sources", documentId + ".txt"), "title");
            Assert.Contains(lines, l => l.Contains(documentTitle, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task With_trace_the_outcome_and_decision_follow_the_answer()
    {
        var answer = await TestAnswerer.Shared.AskAsync("do you take insurance");

        var printed = AnswerPrinter.Format(answer, withTrace: true);

        Assert.StartsWith(answer.Text, printed, StringComparison.Ordinal);
        Assert.Contains("outcome: unanswered", printed, StringComparison.Ordinal);
        Assert.Contains("decision: " + answer.Trace.Decision, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Source:", printed, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
