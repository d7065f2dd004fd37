using System.Text;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Transcripts;
using FaqBot.Web.Accounts;

namespace FaqBot.Web.Review;

/// <summary>The reviewer workspace's downloads: a conversation as an Emulator <c>.transcript</c>
/// file and the filtered conversation list as CSV. Both are audited.</summary>
public static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewExports(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReviewRoutes.ExportCsv, ExportCsvAsync).RequireAuthorization(Policies.Review);
        app.MapGet(ReviewRoutes.TranscriptPage, ExportTranscriptAsync).RequireAuthorization(Policies.Review);
        return app;
    }

    private static async Task ExportCsvAsync(HttpContext context, ITranscriptStore store, AuditLog audit, TimeProvider time)
    {
        // Everything that reads the request happens before the first byte is sent: a failure after
        // that point could only cut the download short.
        var query = ReviewQuery.Read(context.Request.Query);
        var filter = query.ToFilter();
        await audit.AppendAsync(StaffPrincipal.Actor(context.User), "export.csv", "", query.QueryString(page: 1), context.RequestAborted);
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"conversations-{time.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await TranscriptExport.WriteCsvAsync(store, filter, writer, context.RequestAborted);
    }

    private static async Task<IResult> ExportTranscriptAsync(string? id, HttpContext context, ITranscriptStore store, AuditLog audit)
    {
        if (string.IsNullOrEmpty(id) || await store.GetAsync(id, context.RequestAborted) is not { } conversation)
        {
            return Results.NotFound();
        }

        await audit.AppendAsync(StaffPrincipal.Actor(context.User), "export.transcript", id, "", context.RequestAborted);
        var safeName = new string([.. id.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_')]);
        return Results.Stream(
            stream => TranscriptExport.WriteTranscriptAsync(conversation, stream, context.RequestAborted),
            "application/json",
            $"{safeName}.transcript");
    }
}
