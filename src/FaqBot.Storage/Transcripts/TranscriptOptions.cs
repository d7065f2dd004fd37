using System.ComponentModel.DataAnnotations;

namespace FaqBot.Storage.Transcripts;

/// <summary>How long transcripts are kept, whether their text is encrypted at rest and what counts
/// as low confidence (section <c>Transcripts</c>).</summary>
public sealed class TranscriptOptions
{
    public const string Section = "Transcripts";

    /// <summary>Conversations whose last activity is older than this are purged.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the background purge runs.</summary>
    [Range(1, 1440)]
    public int PurgeIntervalMinutes { get; set; } = 60;

    /// <summary>Patient text (questions, traces, activities, handoff messages, reviewers' notes) is
    /// written encrypted with the data-protection keys (<see cref="StoredText"/>); false writes it
    /// as plain (redacted) text. Either way, values written before under the other setting still read.</summary>
    public bool EncryptAtRest { get; set; } = true;

    /// <summary>An answered or clarified turn below this confidence is flagged for review.</summary>
    [Range(0.0, 1.0)]
    public double LowConfidenceBelow { get; set; } = 0.6;
}
