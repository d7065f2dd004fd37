using FaqBot.Storage.Transcripts;

namespace FaqBot.Web.Review;

/// <summary>The reviewer workspace's addresses and the labels its pages share.</summary>
public static class ReviewRoutes
{
    public const string List = "/review";
    public const string ExportCsv = "/review/export.csv";

    public static string Conversation(string id) => "/review/conversations/" + Uri.EscapeDataString(id);

    public static string Transcript(string id) => Conversation(id) + "/transcript";

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
