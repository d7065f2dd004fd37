namespace FaqBot.Storage.Database;

/// <summary>The database server cannot be reached (down, wrong address, refused credentials): the
/// message names where it was looked for and the setting that says so.</summary>
public sealed class DatabaseUnavailableException : InvalidOperationException
{
    public DatabaseUnavailableException()
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
