using FaqBot.Core.Knowledge;
using FaqBot.Storage.Knowledge;
using FaqBot.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Knowledge.Pages;

/// <summary>One version in the history, with what changed from the one before it.</summary>
public sealed record HistoryItem(SnippetHistoryEntry Entry, IReadOnlyList<DiffLine> Changes);

/// <summary><c>/knowledge/snippets/{id}/history</c>: every version written through the staff pages,
/// newest first, each compared with the one before it. A file changed by hand since shows as the
/// current file at the top.</summary>
[Authorize(Policy = Policies.Knowledge)]
public sealed class HistoryModel(KnowledgeHolder knowledge, SnippetHistory history) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public IReadOnlyList<HistoryItem> Items { get; private set; } = [];

    /// <summary>The files as they are now, when they differ from the newest recorded version.</summary>
    public IReadOnlyList<DiffLine>? ChangedByHand { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!SnippetPaths.IsValidId(Id))
        {
            return NotFound();
        }

        var entries = await history.ForSnippetAsync(Id, cancellationToken);
        var working = knowledge.Current.WorkingCopy(Id);
        if (entries.Count == 0 && working is null)
        {
            return NotFound();
        }

        var items = new List<HistoryItem>(entries.Count);
        string? before = null;
        foreach (var entry in entries)
        {
            items.Add(new HistoryItem(entry, VersionDiff.Lines(before, entry.Content)));
            before = entry.Content;
        }

        items.Reverse();
        Items = items;
        var onDisk = ReadWorkingFile();
        if (onDisk is not null && onDisk != before)
        {
            ChangedByHand = VersionDiff.Lines(before, onDisk);
        }

        return Page();
    }

    private string? ReadWorkingFile()
    {
        var paths = new SnippetPaths(knowledge.Path);
        return SnippetPaths.Read(paths.File(Id, draft: true)) ?? SnippetPaths.Read(paths.File(Id, draft: false));
    }
}
