using FaqBot.Storage.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace FaqBot.Web.Accounts;

/// <summary>The authorization policies of the staff pages, by what they protect. A page declares
/// one with <c>[Authorize(Policy = Policies.Review)]</c> on its page model, an endpoint with
/// <c>.RequireAuthorization(Policies.Review)</c>. Anything that declares none still needs a signed-in
/// staff member (<see cref="SignedIn"/> is the fallback); patient endpoints opt out with <c>AllowAnonymous</c>.</summary>
public static class Policies
{
    /// <summary>Transcripts and the reviewer workspace: reviewer, clinician, admin.</summary>
    public const string Review = "review";

    /// <summary>The staff handoff queue: staff, clinician, admin.</summary>
    public const string Handoffs = "handoffs";

    /// <summary>The unanswered questions report: staff, clinician, reviewer, admin.</summary>
    public const string Unanswered = "unanswered";

    /// <summary>The snippet list, snippets beside their sources, history, lint and the draft trial: every role.</summary>
    public const string Knowledge = "knowledge";

    /// <summary>Writing drafts, retiring snippets and discarding drafts: staff, clinician, admin.</summary>
    public const string KnowledgeEdit = "knowledge-edit";

    /// <summary>Approving a draft so patients are served it: clinicians only (and never the last editor).</summary>
    public const string KnowledgeApprove = "knowledge-approve";

    /// <summary>Accounts and the audit log: admin.</summary>
    public const string Admin = "admin";

    /// <summary>Any signed-in staff member, whatever the role.</summary>
    public const string SignedIn = "signed-in";

    public static IReadOnlyDictionary<string, string[]> RolesByPolicy { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Review] = [Roles.Reviewer, Roles.Clinician, Roles.Admin],
        [Handoffs] = [Roles.Staff, Roles.Clinician, Roles.Admin],
        [Unanswered] = [Roles.Staff, Roles.Clinician, Roles.Reviewer, Roles.Admin],
        [Knowledge] = [.. Roles.All],
        [KnowledgeEdit] = [Roles.Staff, Roles.Clinician, Roles.Admin],
        [KnowledgeApprove] = [Roles.Clinician],
        [Admin] = [Roles.Admin],
        [SignedIn] = [.. Roles.All],
    };

    internal static void Add(AuthorizationBuilder authorization)
    {
        foreach (var (name, roles) in RolesByPolicy)
        {
            authorization.AddPolicy(name, Policy(roles));
        }

        authorization.SetFallbackPolicy(Policy(RolesByPolicy[SignedIn]));
    }

    /// <summary>Only the staff cookie counts: a Bot Connector token never opens a page.</summary>
    private static AuthorizationPolicy Policy(string[] roles) => new AuthorizationPolicyBuilder(CookieAuthenticationDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser()
        .RequireRole(roles)
        .Build();
}
