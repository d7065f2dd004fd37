using FaqBot.Cli.Tests.Support;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;

namespace FaqBot.Cli.Tests.Users;

/// <summary><c>faqbot users</c> run as a process against a data folder of its own.</summary>
[Collection(CliProcessGroup.Name)]
public sealed class UsersProcessTests : IDisposable
{
    private const string Password = "correct horse battery";

    private static readonly string Actor = "cli:" + Environment.UserName;

    private readonly UsersCli _cli = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task Add_reads_the_password_from_the_first_line_of_standard_input_and_the_account_signs_in()
    {
        var result = await _cli.RunAsync(Password + "\nsecond line ignored\n", "add", "Dr.Jones", "--role", "Reviewer");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Added Dr.Jones (reviewer)", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        var signIn = await _cli.Accounts.SignInAsync("dr.jones", Password, "192.0.2.1", _ct);
        Assert.True(signIn.Succeeded);
        Assert.Equal(Roles.Reviewer, signIn.Role);
        var entry = Assert.Single(await _cli.Audit.ListAsync(new AuditQuery(), _ct));
        Assert.Equal((Actor, AuditActions.UserAdd, "Dr.Jones", "role reviewer"), (entry.Actor, entry.Action, entry.Target, entry.Detail));
    }

    [Fact]
    public async Task A_windows_line_ending_is_not_part_of_the_password()
    {
        var result = await _cli.RunAsync(Password + "\r\n", "add", "alice", "--role", "staff");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True((await _cli.Accounts.SignInAsync("alice", Password, "192.0.2.1", _ct)).Succeeded);
    }

    [Theory]
    [InlineData("--password")]
    [InlineData("-p")]
    public async Task A_password_on_the_command_line_is_refused_and_nothing_is_stored(string option)
    {
        var result = await _cli.RunAsync(Password + "\n", "add", "alice", "--role", "staff", option, Password);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("command line", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(await _cli.Accounts.ListAsync(_ct));
    }

    [Fact]
    public async Task Without_a_password_on_standard_input_nothing_is_stored()
    {
        var result = await _cli.RunAsync("", "add", "alice", "--role", "staff");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("No password", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(await _cli.Accounts.ListAsync(_ct));
    }

    [Theory]
    [InlineData("superuser")]
    [InlineData(null)]
    public async Task A_missing_or_unknown_role_is_a_usage_error_naming_the_roles(string? role)
    {
        string[] args = role is null ? ["add", "alice"] : ["add", "alice", "--role", role];

        var result = await _cli.RunAsync(Password + "\n", args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("reviewer, staff, clinician, admin", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(await _cli.Accounts.ListAsync(_ct));
    }

    [Fact]
    public async Task A_short_password_a_bad_name_or_a_taken_name_is_refused_with_the_reason()
    {
        var weak = await _cli.RunAsync("too short\n", "add", "alice", "--role", "staff");
        var badName = await _cli.RunAsync(Password + "\n", "add", "<b>alice</b>", "--role", "staff");
        await _cli.RunAsync(Password + "\n", "add", "alice", "--role", "staff");
        var taken = await _cli.RunAsync(Password + "\n", "add", "ALICE", "--role", "admin");

        Assert.True(weak.ExitCode == 1, weak.ToString());
        Assert.Contains("at least 12 characters", weak.StandardError, StringComparison.Ordinal);
        Assert.True(badName.ExitCode == 1, badName.ToString());
        Assert.Contains("letters", badName.StandardError, StringComparison.Ordinal);
        Assert.True(taken.ExitCode == 1, taken.ToString());
        Assert.Contains("taken", taken.StandardError, StringComparison.Ordinal);
        var only = Assert.Single(await _cli.Accounts.ListAsync(_ct));
        Assert.Equal(("alice", Roles.Staff), (only.Name, only.Role));
    }

    [Fact]
    public async Task List_set_role_reset_password_and_remove_change_the_store_and_are_audited()
    {
        await _cli.Accounts.AddAsync("root", Roles.Admin, Password, _ct);
        await _cli.Accounts.AddAsync("alice", Roles.Reviewer, Password, _ct);
        for (var i = 0; i < 5; i++)
        {
            await _cli.Accounts.SignInAsync("alice", "wrong", "192.0.2.1", _ct);
        }

        var list = await _cli.RunAsync(null, "list");
        var setRole = await _cli.RunAsync(null, "set-role", "Alice", "--role", "clinician");
        var reset = await _cli.RunAsync("a new long passphrase\n", "reset-password", "alice");
        var signIn = await _cli.Accounts.SignInAsync("alice", "a new long passphrase", "192.0.2.1", _ct);
        var remove = await _cli.RunAsync(null, "remove", "alice");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal("NAME   ROLE      CREATED (UTC)     STATUS", list.OutputLines[0]);
        Assert.StartsWith("alice  reviewer  ", list.OutputLines[1], StringComparison.Ordinal);
        Assert.Contains("locked", list.OutputLines[1], StringComparison.Ordinal);
        Assert.EndsWith("active", list.OutputLines[2], StringComparison.Ordinal);
        Assert.True(setRole.ExitCode == 0, setRole.ToString());
        Assert.True(reset.ExitCode == 0, reset.ToString());
        Assert.True(signIn.Succeeded, "the new password signs in: the lockout was lifted");
        Assert.Equal(Roles.Clinician, signIn.Role);
        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.Equal("root", Assert.Single(await _cli.Accounts.ListAsync(_ct)).Name);

        var audit = (await _cli.Audit.ListAsync(new AuditQuery(Actor: Actor), _ct)).Reverse().ToList();
        Assert.Equal([AuditActions.UserList, AuditActions.UserRole, AuditActions.UserPassword, AuditActions.UserRemove], audit.Select(e => e.Action));
        Assert.Equal("reviewer -> clinician", audit[1].Detail);
        Assert.All(audit.Skip(1), e => Assert.Equal("alice", e.Target));
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_removed_nor_demoted_and_unknown_accounts_are_reported()
    {
        await _cli.Accounts.AddAsync("root", Roles.Admin, Password, _ct);

        var remove = await _cli.RunAsync(null, "remove", "root");
        var demote = await _cli.RunAsync(null, "set-role", "root", "--role", "staff");
        var unknown = await _cli.RunAsync(null, "remove", "nobody");

        Assert.True(remove.ExitCode == 1, remove.ToString());
        Assert.Contains("last admin", remove.StandardError, StringComparison.Ordinal);
        Assert.True(demote.ExitCode == 1, demote.ToString());
        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.Contains("no account 'nobody'", unknown.StandardError, StringComparison.Ordinal);
        Assert.Equal(Roles.Admin, Assert.Single(await _cli.Accounts.ListAsync(_ct)).Role);
        Assert.Empty(await _cli.Audit.ListAsync(new AuditQuery(), _ct));
    }

    public void Dispose() => _cli.Dispose();
}
