using System.ComponentModel.DataAnnotations;

namespace FaqBot.Core.Knowledge.Import;

/// <summary>Limits on importing a clinic document as a source (section <c>Sources</c>).</summary>
public sealed class SourceImportOptions
{
    public const string Section = "Sources";

    /// <summary>The largest file (or pasted text, in UTF-8) accepted, in bytes.</summary>
    [Range(1, 1_073_741_824)]
    public int MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long reading the text out of a document may take before the import gives up.</summary>
    [Range(100, 600_000)]
    public int ExtractionTimeoutMilliseconds { get; set; } = 20_000;
}
