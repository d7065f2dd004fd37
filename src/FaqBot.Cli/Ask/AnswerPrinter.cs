using System.Globalization;
using System.Text;
using FaqBot.Core.Answering;

namespace FaqBot.Cli.Ask;

/// <summary>An answer as a person reads it in a terminal: the text, then where it came from.</summary>
internal static class AnswerPrinter
{
    public static string Format(Answer answer, bool withTrace)
    {
        var text = new StringBuilder();
        text.AppendLine(answer.Text);
        if (answer.Citations.Count > 0)
        {
            var first = answer.Citations[0];
            text.AppendLine()
                .AppendLine(answer.Generated
                    ? "Sources (an AI model worded the answer from these approved answers; it was checked against them):"
                    : string.Create(CultureInfo.InvariantCulture, $"Source: \"{first.Title}\" (approved answer {first.SnippetId}, version {first.SnippetVersion}), based on:"));
            foreach (var citation in answer.Citations)
            {
                var approved = answer.Generated ? string.Create(CultureInfo.InvariantCulture, $"\"{citation.Title}\" ({citation.SnippetId} v{citation.SnippetVersion}): ") : "";
                text.Append(CultureInfo.InvariantCulture, $"  - {approved}{citation.Source}, section \"{citation.Section}\"");
                text.AppendLine(string.IsNullOrEmpty(citation.Url) ? "" : " " + citation.Url);
            }
        }

        if (withTrace)
        {
            AppendTrace(text, answer);
        }

        return text.ToString();
    }

    private static void AppendTrace(StringBuilder text, Answer answer)
    {
        var trace = answer.Trace;
        text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"outcome: {ContractNames.Outcome(answer.Outcome)} ({answer.Outcome}); confidence {answer.Confidence:0.###}")
            .AppendLine(CultureInfo.InvariantCulture, $"decision: {trace.Decision}");
        foreach (var hit in trace.Safety)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"safety: {hit.RuleId} ({hit.Category.ToString().ToLowerInvariant()}{(hit.Denied ? ", denied" : "")}) in \"{hit.Clause}\"");
        }

        if (trace.ReplyId is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"reply: {trace.ReplyId} v{trace.ReplyVersion}");
        }

        if (trace.Terms.Count > 0)
        {
            var terms = trace.Terms.Select(t => string.Create(CultureInfo.InvariantCulture,
                $"{t.Term}{(t.CorrectedFrom is null ? "" : $"<-{t.CorrectedFrom}")}{(t.IsKnown ? "" : "?")}:{t.Weight:0.##}"));
            text.AppendLine("terms: " + string.Join(' ', terms));
        }

        foreach (var candidate in trace.Candidates)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {candidate.Confidence:0.000}  {candidate.SnippetId} v{candidate.Version}  matched \"{candidate.MatchedQuestion}\"");
        }

        if (trace.Generation is { } generation)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"generation: {generation.Verdict.ToString().ToLowerInvariant()} ({generation.Reason}); model {generation.Model}, prompt {generation.Prompt}, {generation.Milliseconds:0} ms")
                .AppendLine("  snippets shown: " + string.Join(", ", generation.Snippets))
                .AppendLine("  raw output: " + generation.RawOutput.ReplaceLineEndings(" "));
            foreach (var sentence in generation.Sentences)
            {
                var cites = string.Concat(sentence.Cites.Select(n => $"[{n}]"));
                text.AppendLine(CultureInfo.InvariantCulture, $"  {cites} {sentence.Coverage:0.00} {sentence.Problem ?? "supported"}: {sentence.Text}");
            }
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"time: {trace.Timings.TotalMicroseconds:0} µs (retrieval {trace.Timings.RetrievalMicroseconds:0} µs)");
    }
}
