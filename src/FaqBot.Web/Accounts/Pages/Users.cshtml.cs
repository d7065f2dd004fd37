using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FaqBot.Web.Accounts.Pages;

/// <summary><c>/admin/users</c>: list, add (role and first password), change role, set a new
/// password, remove. An admin can neither remove nor demote themselves, and the store keeps the
/// last admin. Every change is audited with the admin's name.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(AccountStore accounts, AuditLog audit, TimeProvider time) : PageModel
{
    public IReadOnlyList<Account> Accounts { get; private set; } = [];

    public DateTimeOffset Now { get; } = time.GetUtcNow();

    public int MinPasswordLength => accounts.MinPasswordLength;

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Accounts = await accounts.ListAsync(cancellationToken);

    public Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken) => ChangeAsync(async () =>
    {
        var added = await accounts.AddAsync((Name ?? "").Trim(), Role ?? "", Password ?? "", cancellationToken);
        await AuditAsync(AuditActions.UserAdd, added.Name, $"role {added.Role}", cancellationToken);
        return $"Added {added.Name} ({added.Role}).";
    }, cancellationToken);

    public Task<IActionResult> OnPostRoleAsync(CancellationToken cancellationToken) => ChangeAsync(async () =>
    {
        var account = await RequireOtherAsync("change the role of", cancellationToken);
        var before = await accounts.SetRoleAsync(account.Name, Role ?? "", cancellationToken);
        var after = Roles.Parse(Role);
        await AuditAsync(AuditActions.UserRole, account.Name, $"{before} -> {after}", cancellationToken);
        return $"{account.Name} is now {after}.";
    }, cancellationToken);

    public Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken) => ChangeAsync(async () =>
    {
        var account = await RequireAsync(cancellationToken);
        await accounts.SetPasswordAsync(account.Name, Password ?? "", cancellationToken);
        await AuditAsync(AuditActions.UserPassword, account.Name, "password set by an admin; lockout lifted", cancellationToken);
        return $"Set a new password for {account.Name}.";
    }, cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken) => ChangeAsync(async () =>
    {
        var account = await RequireOtherAsync("remove", cancellationToken);
        var removed = await accounts.RemoveAsync(account.Name, cancellationToken);
        await AuditAsync(AuditActions.UserRemove, removed.Name, $"role was {removed.Role}", cancellationToken);
        return $"Removed {removed.Name}.";
    }, cancellationToken);

    /// <summary>Runs a change: on success back to the list with a notice (so a reload does not
    /// repeat it); on a refused change the list again with the reason.</summary>
    private async Task<IActionResult> ChangeAsync(Func<Task<string>> change, CancellationToken cancellationToken)
    {
        try
        {
            Notice = await change();
            return RedirectToPage();
        }
        catch (AccountException ex)
        {
            Error = ex.Message;
            Password = null;
            Accounts = await accounts.ListAsync(cancellationToken);
            return Page();
        }
    }

    private async Task<Account> RequireAsync(CancellationToken cancellationToken) =>
        await accounts.FindAsync(Name ?? "", cancellationToken) ?? throw new AccountException($"There is no account '{Name}'.");

    private async Task<Account> RequireOtherAsync(string what, CancellationToken cancellationToken)
    {
        var account = await RequireAsync(cancellationToken);
        return string.Equals(account.Name, StaffPrincipal.Actor(User), StringComparison.OrdinalIgnoreCase)
            ? throw new AccountException($"You cannot {what} your own account; ask another admin.")
            : account;
    }

    private Task AuditAsync(string action, string target, string detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(StaffPrincipal.Actor(User), action, target, detail, cancellationToken);
}
