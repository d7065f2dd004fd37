namespace FaqBot.Core.Knowledge;

public enum SnippetStatus
{
    Draft,
    Approved,
    Retired,
}

/// <summary>Where a snippet's facts come from: a passage that occurs verbatim in a source document.</summary>
public sealed record SourceRef(string DocumentId, string Section, string Quote);

/// <summary>A clinician-approved answer. <see cref="Body"/> is the exact text patients read.</summary>
public sealed record Snippet(
    string Id,
    string Title,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Tags,
    SourceRef Source,
    IReadOnlyList<SourceRef> SeeAlso,
    SnippetStatus Status,
    string? ApprovedBy,
    DateOnly? ApprovedOn,
    DateOnly ReviewBy,
    int Version,
    bool Sample,
    string Body,
    string File)
{
    /// <summary>Who saved this version through the staff pages (absent for files edited by hand).</summary>
    public string? EditedBy { get; init; }

    /// <summary>When this version was saved through the staff pages (UTC).</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>Whether this is a pending draft kept beside the served file (<c>id.draft.md</c>).</summary>
    public bool IsDraftFile => File.EndsWith(SnippetFile.DraftSuffix, StringComparison.Ordinal);

    /// <summary>Approved and not past its review-by date (the review-by day itself still serves).</summary>
    public bool IsServable(DateOnly today) => Status == SnippetStatus.Approved && ReviewBy >= today;

    /// <summary>What a patient's question is matched against: the title, then every question.</summary>
    public IEnumerable<string> MatchableQuestions => Questions.Prepend(Title);

    /// <summary>The primary source first, then the others the answer relies on.</summary>
    public IEnumerable<SourceRef> AllSources => SeeAlso.Prepend(Source);
}
