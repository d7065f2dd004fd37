using System.Globalization;
using FaqBot.Storage.Transcripts;
using Microsoft.AspNetCore.Http.Extensions;

namespace FaqBot.Web.Review;

/// <summary>The reviewer workspace's filters as they travel in the query string (the list page,
/// its paging links and the CSV export share them). Dates are UTC days; To is inclusive.</summary>
public sealed record ReviewQuery(DateOnly? From, DateOnly? To, OutcomeFilter Outcome, bool LowConfidence, bool NegativeFeedback, bool? Reviewed, int Page)
{
    public const int PageSize = 50;

    public static ReviewQuery Read(IQueryCollection query) => new(
        Date(query["from"]),
        Date(query["to"]),
        Enum.TryParse<OutcomeFilter>(query["outcome"], ignoreCase: true, out var outcome) && Enum.IsDefined(outcome) ? outcome : OutcomeFilter.Any,
        query["low"] == "true",
        query["negative"] == "true",
        query["reviewed"].ToString() switch { "yes" => true, "no" => false, _ => null },
        int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? Math.Min(page, 100_000) : 1);

    public ConversationFilter ToFilter() => new()
    {
        From = From is { } from ? UtcDays.Start(from) : null,
        To = To is { } to ? UtcDays.End(to) : null,
        Outcome = Outcome,
        LowConfidenceOnly = LowConfidence,
        NegativeFeedbackOnly = NegativeFeedback,
        Reviewed = Reviewed,
        Skip = (Page - 1) * PageSize,
        Take = PageSize,
    };

    /// <summary>The query string for these filters with another page or outcome.</summary>
    public string QueryString(int? page = null, OutcomeFilter? outcome = null)
    {
        var builder = new QueryBuilder();
        if (From is { } from)
        {
            builder.Add("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (To is { } to)
        {
            builder.Add("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if ((outcome ?? Outcome) is not OutcomeFilter.Any and var chosen)
        {
            builder.Add("outcome", chosen.ToString());
        }

        if (LowConfidence)
        {
            builder.Add("low", "true");
        }

        if (NegativeFeedback)
        {
            builder.Add("negative", "true");
        }

        if (Reviewed is { } reviewed)
        {
            builder.Add("reviewed", reviewed ? "yes" : "no");
        }

        if ((page ?? Page) is > 1 and var p)
        {
            builder.Add("page", p.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>A UTC day written yyyy-MM-dd, or null.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
