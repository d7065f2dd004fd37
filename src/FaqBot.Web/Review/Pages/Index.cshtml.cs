using FaqBot.Storage.Transcripts;
using FaqBot.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Review.Pages;

/// <summary><c>/review</c>: conversations, newest first, with filters and the count of each outcome.</summary>
[Authorize(Policy = Policies.Review)]
public sealed class IndexModel(ITranscriptStore store) : PageModel
{
    public ReviewQuery Query { get; private set; } = ReviewQuery.Read(new QueryCollection());

    public ConversationList List { get; private set; } = new([], new ConversationCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

    public int Pages => Math.Max(1, (List.Counts.Matching + ReviewQuery.PageSize - 1) / ReviewQuery.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = ReviewQuery.Read(Request.Query);
        List = await store.ListAsync(Query.ToFilter(), cancellationToken);
    }
}
