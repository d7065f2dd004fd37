using System.ComponentModel.DataAnnotations;

namespace FaqBot.Storage;

/// <summary>Where transcripts, accounts and the audit log are kept (section <c>Storage</c>).
/// The embedded default is one SQLite file in <see cref="DataPath"/>, created on first run.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string SqliteProvider = "Sqlite";
    public const string FileName = "faqbot.db";

    /// <summary>Only <c>Sqlite</c> so far; the store sits behind <c>ITranscriptStore</c> so a server
    /// database can be added.</summary>
    [Required]
    [RegularExpression("^(?i:sqlite)$", ErrorMessage = "Storage:Provider must be Sqlite.")]
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>Folder of the database file; relative paths are resolved against the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "data";

    public string DatabaseFile => Path.Combine(DataPath, FileName);
}
