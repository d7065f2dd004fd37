namespace FaqBot.Core.Knowledge.Import;

/// <summary>Why a document was not imported (see <see cref="SourceImportException"/>).</summary>
public enum SourceImportFailure
{
    /// <summary>The file (or pasted text) is over <see cref="SourceImportOptions.MaxUploadBytes"/>.</summary>
    TooLarge,

    /// <summary>The file name's extension is not one of <see cref="SourceFormats.Extensions"/>.</summary>
    UnsupportedFormat,

    /// <summary>A .txt file that is not UTF-8 text (a binary file with a .txt name).</summary>
    NotText,

    /// <summary>The file is damaged or not of the format its extension says.</summary>
    Unreadable,

    /// <summary>A PDF whose pages hold no text (a scan).</summary>
    NoTextInPdf,

    /// <summary>Nothing was pasted, or the document holds no text.</summary>
    EmptyText,

    /// <summary>The same text is already a source.</summary>
    AlreadyImported,

    /// <summary>Reading the text took longer than <see cref="SourceImportOptions.ExtractionTimeoutMilliseconds"/>.</summary>
    TimedOut,

    /// <summary>The id asked for is not a valid source id.</summary>
    InvalidId,

    /// <summary>The id asked for is already a source's.</summary>
    IdTaken,

    /// <summary>No publisher was given.</summary>
    MissingPublisher,

    /// <summary>The url given is not an http or https address.</summary>
    InvalidUrl,
}
