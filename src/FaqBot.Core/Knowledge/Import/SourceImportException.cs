namespace FaqBot.Core.Knowledge.Import;

/// <summary>A document that was not imported, and nothing written. <see cref="Exception.Message"/>
/// is written for the staff member who tried, and says what to do instead.</summary>
public sealed class SourceImportException : Exception
{
    public SourceImportException(SourceImportFailure reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    public SourceImportFailure Reason { get; }
}
