namespace FaqBot.Storage.Accounts;

/// <summary>An account change that was refused; the message says why, in words a person can act on.</summary>
public sealed class AccountException : Exception
{
    public AccountException()
    {
    }

    public AccountException(string message)
        : base(message)
    {
    }

    public AccountException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
