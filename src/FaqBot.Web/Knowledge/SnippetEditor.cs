using System.Globalization;
using System.Text.RegularExpressions;
using FaqBot.Core.Knowledge;
using FaqBot.Core.Knowledge.Lint;
using FaqBot.Storage.Audit;
using FaqBot.Storage.Knowledge;

namespace FaqBot.Web.Knowledge;

/// <summary>
/// The staff actions on snippet files. A draft is written beside the served file as
/// <c>{id}.draft.md</c> with its version bumped and the editor recorded; approving (a clinician who
/// did not make the last edit) turns the draft into the served <c>{id}.md</c>; retiring takes a
/// snippet out of service. Each action checks the version the person started from, so two editors
/// cannot overwrite each other; validates the result as the loader would before anything is
/// written; writes atomically; records the file in the snippet history and the audit log; and
/// reloads the knowledge so patients are served the outcome at once.
/// </summary>
public sealed partial class SnippetEditor(
    KnowledgeHolder knowledge, SnippetHistory history, KnowledgeGeneration generation, AuditLog audit, TimeProvider time, ILogger<SnippetEditor> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SnippetPaths _paths = new(knowledge.Path);

    /// <summary>Saves a new snippet (<see cref="SnippetForm.BaseVersion"/> empty) or a new draft of
    /// an existing one, which must still be at the version the editor started from.</summary>
    public async Task<EditOutcome> SaveDraftAsync(SnippetForm form, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var id = form.Id.Trim();
        if (!SnippetPaths.IsValidId(id))
        {
            return EditOutcome.Invalid([$"id: '{form.Id}' is not allowed; use lower-case letters, digits and single hyphens (for example 'parking-and-arrival'), at most {SnippetPaths.MaxIdLength} characters"]);
        }

        return await WithFilesAsync(id, async files =>
        {
            var current = files.WorkingVersion;
            if (form.BaseVersion is null && current is not null)
            {
                return EditOutcome.Conflict($"A snippet with the id '{id}' already exists (version {current}). Choose another id, or edit that snippet.");
            }

            if (form.BaseVersion is { } baseVersion)
            {
                if (current is null)
                {
                    return EditOutcome.NotFound($"The snippet '{id}' no longer exists; nothing was saved.");
                }

                if (current != baseVersion)
                {
                    return EditOutcome.Conflict($"'{id}' was changed after you opened it: you started from version {baseVersion}, and version {current} was saved{files.WorkingEditNote}. Nothing was saved; your text is still in the form. Open the snippet again to see the new version and apply your change to it.");
                }
            }

            var version = files.NextVersion;
            var (draft, problems) = form.ToSnippet(version, actor, Now());
            if (draft is null)
            {
                return EditOutcome.Invalid(problems);
            }

            var path = _paths.File(id, draft: true);
            var text = SnippetFile.Render(draft);
            var parsed = SnippetFile.Parse(path, text, knowledge.Current.Sources, SnippetFile.FileName(id, draft: true));
            if (parsed.Snippet is null)
            {
                return EditOutcome.Invalid(parsed.Errors.Select(e => $"{e.Field}: {e.Message}"));
            }

            if (files.Main is { } main && !await history.HasAnyAsync(id, cancellationToken))
            {
                await history.AppendAsync(id, files.MainVersion ?? 0, SnippetActions.Found, actor, main, cancellationToken);
            }

            SnippetPaths.WriteAtomically(path, text);
            var action = current is null ? SnippetActions.Created : SnippetActions.Edited;
            await RecordAsync(id, version, action, actor, text, $"draft version {version}", cancellationToken);
            return EditOutcome.Saved(Reloaded(id, draft: true) ?? parsed.Snippet, $"Draft version {version} of '{id}' saved. A clinician who did not make this edit can approve it.");
        }, cancellationToken);
    }

    /// <summary>Serves the pending draft of <paramref name="id"/>: only a clinician (the caller
    /// checks the role), never the person who made the last edit, and only the version they saw.</summary>
    public async Task<EditOutcome> ApproveAsync(string id, int version, DateOnly reviewBy, string actor, CancellationToken cancellationToken)
    {
        return await WithFilesAsync(id, async files =>
        {
            if (files.Draft is null)
            {
                return EditOutcome.NotFound($"'{id}' has no draft waiting for approval.");
            }

            if (files.DraftVersion != version)
            {
                return EditOutcome.Conflict($"The draft of '{id}' changed after you opened it: you reviewed version {version}, and version {files.DraftVersion} was saved{files.WorkingEditNote}. Nothing was approved; review the new version.");
            }

            var sources = knowledge.Current.Sources;
            var draftPath = _paths.File(id, draft: true);
            var draft = SnippetFile.Parse(draftPath, files.Draft, sources, SnippetFile.FileName(id, draft: true)).Snippet;
            if (draft is null)
            {
                return EditOutcome.Invalid([$"The draft of '{id}' is not a valid snippet; fix it before approving."]);
            }

            if (draft.EditedBy is { } editor && string.Equals(editor, actor, StringComparison.OrdinalIgnoreCase))
            {
                return EditOutcome.Refused($"You made the last edit of '{id}' (version {version}); another clinician must approve it.");
            }

            if (KnowledgeLinter.ClinicalAdvice(draft) is { Count: > 0 } advice)
            {
                return EditOutcome.Invalid([.. advice.Select(f => $"{f.Field}: {f.Message}").Prepend($"The draft of '{id}' gives clinical advice patients must not read from the FAQ; nothing was approved.")]);
            }

            var today = DateOnly.FromDateTime(Now().UtcDateTime);
            if (reviewBy <= today)
            {
                return EditOutcome.Invalid([$"review by: {reviewBy:yyyy-MM-dd} must be after today ({today:yyyy-MM-dd})"]);
            }

            var approved = draft with { Status = SnippetStatus.Approved, ApprovedBy = actor, ApprovedOn = today, ReviewBy = reviewBy, Sample = false };
            var path = _paths.File(id, draft: false);
            var text = SnippetFile.Render(approved);
            if (SnippetFile.Parse(path, text, sources, SnippetFile.FileName(id, draft: false)).Snippet is null)
            {
                return EditOutcome.Invalid([$"The approved form of '{id}' does not load; nothing was approved."]);
            }

            SnippetPaths.WriteAtomically(path, text);
            SnippetPaths.Delete(draftPath);
            await RecordAsync(id, version, SnippetActions.Approved, actor, text, $"version {version}, review by {reviewBy:yyyy-MM-dd}", cancellationToken);
            return EditOutcome.Saved(Reloaded(id, draft: false) ?? approved, $"Version {version} of '{id}' approved; patients are served it now.");
        }, cancellationToken);
    }

    /// <summary>Takes <paramref name="id"/> out of service (a pending draft is discarded with it;
    /// its text stays in the history).</summary>
    public async Task<EditOutcome> RetireAsync(string id, int version, string actor, CancellationToken cancellationToken)
    {
        return await WithFilesAsync(id, async files =>
        {
            if (files.Main is null)
            {
                return EditOutcome.NotFound($"'{id}' has no served file to retire.");
            }

            if (files.WorkingVersion != version)
            {
                return EditOutcome.Conflict($"'{id}' changed after you opened it: you saw version {version}, and version {files.WorkingVersion} was saved{files.WorkingEditNote}. Nothing was retired.");
            }

            var path = _paths.File(id, draft: false);
            var main = SnippetFile.Parse(path, files.Main, knowledge.Current.Sources, SnippetFile.FileName(id, draft: false)).Snippet;
            if (main is null)
            {
                return EditOutcome.Invalid([$"{SnippetFile.FileName(id, draft: false)} is not a valid snippet; fix or remove the file instead."]);
            }

            if (main.Status == SnippetStatus.Retired)
            {
                return EditOutcome.Conflict($"'{id}' is already retired.");
            }

            var next = files.NextVersion;
            var retired = main with { Status = SnippetStatus.Retired, Version = next, EditedBy = actor, EditedAt = Now() };
            var text = SnippetFile.Render(retired);
            SnippetPaths.WriteAtomically(path, text);
            if (files.Draft is { } draftText)
            {
                SnippetPaths.Delete(_paths.File(id, draft: true));
                await history.AppendAsync(id, files.DraftVersion ?? 0, SnippetActions.DraftDiscarded, actor, draftText, cancellationToken);
            }

            await RecordAsync(id, next, SnippetActions.Retired, actor, text, $"version {next}", cancellationToken);
            return EditOutcome.Saved(Reloaded(id, draft: false) ?? retired, $"'{id}' is retired (version {next}); patients are no longer served it.");
        }, cancellationToken);
    }

    /// <summary>Deletes the pending draft of <paramref name="id"/>; its text stays in the history.</summary>
    public async Task<EditOutcome> DiscardDraftAsync(string id, int version, string actor, CancellationToken cancellationToken)
    {
        return await WithFilesAsync(id, async files =>
        {
            if (files.Draft is not { } draftText)
            {
                return EditOutcome.NotFound($"'{id}' has no draft.");
            }

            if (files.DraftVersion != version)
            {
                return EditOutcome.Conflict($"The draft of '{id}' changed after you opened it (now version {files.DraftVersion}{files.WorkingEditNote}). Nothing was discarded.");
            }

            SnippetPaths.Delete(_paths.File(id, draft: true));
            await RecordAsync(id, version, SnippetActions.DraftDiscarded, actor, draftText, $"draft version {version}", cancellationToken);
            return new EditOutcome(EditStatus.Saved, [$"Draft version {version} of '{id}' discarded."], Reload().WorkingCopy(id));
        }, cancellationToken);
    }

    /// <summary>Runs <paramref name="action"/> on the files of <paramref name="id"/> as they are
    /// on disk, one action at a time. A file that is not a plain file (a link) stops the action
    /// before anything is written: a conflict the person is told about.</summary>
    private async Task<EditOutcome> WithFilesAsync(string id, Func<SnippetFiles, Task<EditOutcome>> action, CancellationToken cancellationToken)
    {
        if (!SnippetPaths.IsValidId(id))
        {
            return EditOutcome.NotFound($"'{id}' is not a snippet id.");
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await action(ReadFiles(id));
        }
        catch (NotAPlainFileException ex)
        {
            return EditOutcome.Conflict(ex.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RecordAsync(string id, int version, string action, string actor, string text, string detail, CancellationToken cancellationToken)
    {
        await history.AppendAsync(id, version, action, actor, text, cancellationToken);
        await audit.AppendAsync(actor, "snippet." + action, id, detail, cancellationToken);
        LogAction(id, action, actor, detail);
    }

    /// <summary>Reloads the knowledge so the change serves now (the folder watcher would too, a
    /// moment later) and returns the snippet as loaded. A folder that cannot be served is logged
    /// by <see cref="KnowledgeWatcher"/>, which hears every reload.</summary>
    private Snippet? Reloaded(string id, bool draft)
    {
        var kb = Reload();
        return draft ? kb.Drafts.FirstOrDefault(d => d.Id == id) : kb.Snippets.FirstOrDefault(s => s.Id == id);
    }

    /// <summary>Reloads this host's knowledge and tells the hosts sharing the database to reload theirs.</summary>
    private KnowledgeBase Reload()
    {
        knowledge.Reload();
        try
        {
            generation.Advance();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            LogGenerationFailed(ex);
        }

        return knowledge.Current;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The other hosts could not be told the knowledge changed; they reload it when their folder watch sees the change")]
    private partial void LogGenerationFailed(Exception error);

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Snippet {Id} {Action} by {Actor}: {Detail}")]
    private partial void LogAction(string id, string action, string actor, string detail);

    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    private SnippetFiles ReadFiles(string id) =>
        new(SnippetPaths.Read(_paths.File(id, draft: false)), SnippetPaths.Read(_paths.File(id, draft: true)));

    /// <summary>The two files of one id as they are on disk now. Versions are read from the text
    /// itself, so a file that no longer loads still takes part in the version check.</summary>
    private sealed record SnippetFiles(string? Main, string? Draft)
    {
        public int? MainVersion => Version(Main);

        public int? DraftVersion => Version(Draft);

        public int? WorkingVersion => DraftVersion ?? MainVersion;

        public int NextVersion => Math.Max(MainVersion ?? 0, DraftVersion ?? 0) + 1;

        /// <summary>" by NAME at TIME" for the working copy, when the file says so.</summary>
        public string WorkingEditNote
        {
            get
            {
                var text = Draft ?? Main;
                var by = text is null ? null : Field(text, "editedBy");
                var at = text is null ? null : Field(text, "editedAt");
                return (by, at) switch
                {
                    ({ } b, { } a) => $" by {b} at {a.Replace('T', ' ').TrimEnd('Z')} UTC",
                    ({ } b, null) => $" by {b}",
                    _ => "",
                };
            }
        }

        private static int? Version(string? text) =>
            text is not null && Field(text, "version") is { } value && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;

        private static string? Field(string text, string name)
        {
            foreach (Match match in FrontMatterLine().Matches(text))
            {
                if (match.Groups["name"].Value == name)
                {
                    return match.Groups["value"].Value.Trim().Trim('"');
                }
            }

            return null;
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z]+):[ \t]*(?<value>[^\r\n]*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FrontMatterLine();
}
