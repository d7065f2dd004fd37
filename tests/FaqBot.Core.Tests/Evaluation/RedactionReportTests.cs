using FaqBot.Core.Evaluation;
using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Evaluation;

/// <summary>The privacy measure: where each redaction stood in the original text, which labelled
/// details stay in clear, and which redactions touched no detail.</summary>
public sealed class RedactionReportTests
{
    private static readonly Redactor Redactor = new(new RedactionOptions());

    [Fact]
    public void Spans_point_at_the_original_text_across_several_details()
    {
        const string Text = "My name is Maria Lopez, call 555-201-7789 or maria.lopez82@gmail.com";
        var result = Redactor.Analyze(Text);

        Assert.Equal(result.Kinds, result.Spans.Select(s => s.Kind));
        Assert.Equal(["Maria Lopez", "555-201-7789", "maria.lopez82@gmail.com"], result.Spans.Select(s => Text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void A_detail_partly_left_in_clear_counts_as_in_clear()
    {
        var row = new LabelledRedaction("r1", "Hi, my name is Maria Lopez and my cat is Rex", [new("Maria Lopez", "name"), new("Rex", "name")]);

        var report = RedactionReport.Run([row], Redactor);

        Assert.False(report.Details[0].InClear);
        Assert.True(report.Details[1].InClear);
        Assert.Equal(0.5, report.InClearShare);
    }

    [Fact]
    public void Words_that_only_name_the_kind_of_detail_may_stay()
    {
        var row = new LabelledRedaction("r1", "DOB 03/14/1985 please", [new("DOB 03/14/1985", "date")]);

        var report = RedactionReport.Run([row], Redactor);

        Assert.Equal(0, report.InClear);
    }

    [Fact]
    public void A_labelled_detail_counts_at_every_mention()
    {
        const string Text = "My name is Maria Lopez, please ask for Maria Lopez at the desk";
        var redacted = RedactionReport.Run([new LabelledRedaction("r1", Text, [new("Maria Lopez", "name")])], Redactor);

        Assert.Equal(2, Redactor.Analyze(Text).Spans.Count);
        Assert.Equal(0, redacted.MessagesWithFalseRedactions);
        Assert.Equal(0, redacted.InClear);
    }

    [Fact]
    public void A_redaction_that_touches_no_labelled_detail_is_counted_per_message()
    {
        var rows = new[]
        {
            new LabelledRedaction("q1", "Hi, my name is Maria Lopez, can I drive home?", []),
            new LabelledRedaction("q2", "Can I drive home after my infusion?", []),
        };

        var report = RedactionReport.Run(rows, Redactor);

        Assert.Equal(1, report.MessagesWithFalseRedactions);
        Assert.Equal(["Maria Lopez"], report.Messages[0].FalseRedactions);
        Assert.Contains("in clear", RedactionReport.Run([new LabelledRedaction("r", "my cat is Rex", [new("Rex", "name")])], Redactor).Format(verbose: true), StringComparison.Ordinal);
    }

    [Fact]
    public void A_detail_missing_from_its_message_is_a_format_error()
    {
        var error = Assert.Throws<FormatException>(() => LabelledRedaction.Parse("""{"id": "x", "text": "hello", "details": [{"text": "Ann", "kind": "name"}]}"""));

        Assert.Contains("'Ann'", error.Message, StringComparison.Ordinal);
        Assert.Empty(LabelledRedaction.Parse("""{"id": "q", "question": "Can I drive?", "expect": "answered"}""").Details);
    }
}
