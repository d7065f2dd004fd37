using System.Globalization;
using System.Text;
using FaqBot.Core.Privacy;

namespace FaqBot.Core.Evaluation;

/// <summary>One labelled detail after redaction: stored in clear when any of its identifying
/// words (every word but those that only say what kind of detail it is: "Dr", "Street", "Apt",
/// "exp", ...) is left in the stored text, even in part. <paramref name="Stored"/> is its message as stored.</summary>
public sealed record DetailResult(string MessageId, LabelledDetail Detail, bool InClear, string Stored);

/// <summary>One message after redaction: what it was stored as, and the stretches redacted that
/// touch no labelled detail (ordinary words taken for details).</summary>
public sealed record MessageResult(LabelledRedaction Row, string Stored, IReadOnlyList<string> FalseRedactions);

/// <summary>How the redactor does on labelled messages: the share of personal details stored in
/// clear (overall and per kind), and the share of messages in which ordinary words were redacted.</summary>
public sealed class RedactionReport
{
    /// <summary>Words that only say what kind of detail follows; a detail whose only words left
    /// in clear are these is protected.</summary>
    private static readonly HashSet<string> KindWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sr", "jr", "the", "of", "and", "at", "on", "in", "no", "nr", "number",
        "st", "street", "rd", "road", "ave", "av", "avenue", "blvd", "boulevard", "ln", "lane", "way", "drive", "ct", "court",
        "pl", "place", "apt", "apartment", "unit", "suite", "ste", "flat", "floor", "po", "box", "dot", "com", "org", "net",
        "co", "uk", "exp", "expires", "expiry", "dob", "born", "ext", "extension", "id", "member", "mrn", "nhs", "ssn",
        "plate", "reg", "licence", "license", "cvv", "cvc", "gmail", "outlook", "yahoo", "hotmail", "icloud", "aol",
    };

    private RedactionReport(IReadOnlyList<MessageResult> messages, IReadOnlyList<DetailResult> details)
    {
        Messages = messages;
        Details = details;
    }

    public IReadOnlyList<MessageResult> Messages { get; }

    public IReadOnlyList<DetailResult> Details { get; }

    public int InClear => Details.Count(d => d.InClear);

    public double InClearShare => Details.Count == 0 ? 0 : (double)InClear / Details.Count;

    public int MessagesWithFalseRedactions => Messages.Count(m => m.FalseRedactions.Count > 0);

    public double FalseRedactionShare => Messages.Count == 0 ? 0 : (double)MessagesWithFalseRedactions / Messages.Count;

    public static RedactionReport Run(IEnumerable<LabelledRedaction> rows, Redactor redactor)
    {
        var messages = new List<MessageResult>();
        var details = new List<DetailResult>();
        foreach (var row in rows)
        {
            var result = redactor.Analyze(row.Text);
            var covered = new bool[row.Text.Length];
            if (result.FailedClosed)
            {
                Array.Fill(covered, true);
            }

            foreach (var span in result.Spans)
            {
                Array.Fill(covered, true, span.Start, span.Length);
            }

            // A detail counts at every place its text stands: a second mention of a labelled name
            // ("Dawn ... Dawn's number") is the same detail, and it is in clear if any mention is.
            var labelledSpans = new List<(int Start, int End)>();
            foreach (var detail in row.Details)
            {
                var inClear = false;
                foreach (var (start, end) in row.PlacesOf(detail))
                {
                    labelledSpans.Add((start, end));
                    inClear |= LeavesWordInClear(row.Text, start, end, covered);
                }

                details.Add(new DetailResult(row.Id, detail, inClear, result.Text));
            }

            var falseRedactions = result.Spans
                .Where(s => !labelledSpans.Exists(l => s.Start < l.End && l.Start < s.End))
                .Select(s => row.Text.Substring(s.Start, s.Length))
                .ToList();
            messages.Add(new MessageResult(row, result.Text, falseRedactions));
        }

        return new RedactionReport(messages, details);
    }

    public string Format(bool verbose)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"details stored in clear:        {InClear}/{Details.Count} ({InClearShare:0.000})");
        foreach (var kind in Details.GroupBy(d => d.Detail.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind.Key,-10} {kind.Count(d => d.InClear)}/{kind.Count()}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"messages with words redacted:   {MessagesWithFalseRedactions}/{Messages.Count} ({FalseRedactionShare:0.000}) (no labelled detail there)");
        if (verbose)
        {
            foreach (var detail in Details.Where(d => d.InClear))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"in clear  {detail.MessageId} {detail.Detail.Kind}: {detail.Detail.Text}  -> {detail.Stored}");
            }

            foreach (var message in Messages.Where(m => m.FalseRedactions.Count > 0))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"redacted  {message.Row.Id}: {string.Join(" | ", message.FalseRedactions)}  -> {message.Stored}");
            }
        }

        return text.ToString();
    }

    /// <summary>True when a letter or digit of an identifying word of the detail is not covered by a redaction.</summary>
    private static bool LeavesWordInClear(string text, int start, int end, bool[] covered)
    {
        for (var i = start; i < end;)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var wordEnd = i;
            while (wordEnd < end && char.IsLetterOrDigit(text[wordEnd]))
            {
                wordEnd++;
            }

            if (!KindWords.Contains(text[i..wordEnd]) && Array.IndexOf(covered, false, i, wordEnd - i) >= 0)
            {
                return true;
            }

            i = wordEnd;
        }

        return false;
    }
}
