namespace FaqBot.Storage.Audit;

/// <summary>One line of the audit log: who did what to what, and when.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Target, string Detail);

/// <summary>A filter over the audit log, newest first. <see cref="BeforeId"/> pages backwards:
/// pass the last id of one page to get the next.</summary>
public sealed record AuditQuery(string? Actor = null, string? Action = null, long? BeforeId = null, int Limit = AuditQuery.DefaultLimit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}

/// <summary>The actions the accounts feature writes; other features add their own dotted names.</summary>
public static class AuditActions
{
    public const string SignIn = "signin";
    public const string SignInFailed = "signin.failed";
    public const string SignInLockedOut = "signin.lockedout";
    public const string SignOut = "signout";
    public const string UserAdd = "user.add";
    public const string UserRemove = "user.remove";
    public const string UserRole = "user.role";
    public const string UserPassword = "user.password";
    public const string UserList = "user.list";
}
