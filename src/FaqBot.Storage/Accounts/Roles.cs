namespace FaqBot.Storage.Accounts;

/// <summary>The staff roles. A role is stored and compared in lower case.</summary>
public static class Roles
{
    /// <summary>Reads transcripts and the unanswered questions report.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Works the handoff queue and the unanswered questions report.</summary>
    public const string Staff = "staff";

    /// <summary>Everything a reviewer and staff member do, and the clinical sign-off of snippets.</summary>
    public const string Clinician = "clinician";

    /// <summary>Everything except clinical sign-off, plus accounts and the audit log.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Reviewer, Staff, Clinician, Admin];

    public static bool IsValid(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>The role named by <paramref name="value"/> in any case, or an <see cref="AccountException"/>
    /// listing the roles there are.</summary>
    public static string Parse(string? value)
    {
        var role = value?.Trim().ToLowerInvariant();
        return IsValid(role) ? role! : throw new AccountException($"Unknown role '{value}'; use one of: {string.Join(", ", All)}.");
    }
}
