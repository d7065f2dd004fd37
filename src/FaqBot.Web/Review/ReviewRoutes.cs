using FaqBot.Storage.Transcripts;

namespace FaqBot.Web.Review;

/// <summary>The reviewer workspace's addresses and the labels its pages share.</summary>
public static class ReviewRoutes
{
    public const string List = "/review";
    public const string ExportCsv = "/review/export.csv";

    /// <summary>The conversation page's path; the id travels in the query string, which carries any
    /// character of a Bot Framework id ('/', '?', '#', '%', dot segments) unchanged.</summary>
    public const string ConversationPage = "/review/conversation";

    public const string TranscriptPage = "/review/conversation/transcript";

    public static string Conversation(string id) => ConversationPage + "?id=" + Uri.EscapeDataString(id);

    public static string Transcript(string id) => TranscriptPage + "?id=" + Uri.EscapeDataString(id);

    public static string Label(OutcomeFilter outcome) => outcome switch
    {
        OutcomeFilter.Any => "any",
        OutcomeFilter.Answered => "answered",
        OutcomeFilter.Clarified => "clarified",
        OutcomeFilter.Unanswered => "unanswered",
        OutcomeFilter.Declined => "declined (any)",
        OutcomeFilter.DeclinedUrgent => "declined: urgent",
        OutcomeFilter.DeclinedDosing => "declined: dosing",
        OutcomeFilter.DeclinedDiagnostic => "declined: diagnostic",
        _ => outcome.ToString(),
    };

    public static string Outcomes(ConversationRow row)
    {
        var parts = new List<string>(4);
        Add(parts, row.Answered, "answered");
        Add(parts, row.Clarified, "clarified");
        Add(parts, row.Unanswered, "unanswered");
        Add(parts, row.Declined, "declined");
        return string.Join(", ", parts);
    }

    private static void Add(List<string> parts, int count, string label)
    {
        if (count > 0)
        {
            parts.Add($"{count} {label}");
        }
    }
}
