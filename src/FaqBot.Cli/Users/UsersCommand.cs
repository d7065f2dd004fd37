using System.CommandLine;
using System.Globalization;
using FaqBot.Cli.Hosting;
using FaqBot.Storage.Accounts;
using FaqBot.Storage.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Cli.Users;

/// <summary><c>faqbot users</c>: the staff accounts of the review and admin pages. Passwords come
/// from standard input only; every action is written to the audit log as <c>cli:&lt;OS user&gt;</c>.</summary>
internal static class UsersCommand
{
    public static Command Create() => new("users", "Staff accounts for the review and admin pages (stored under Storage:DataPath).")
    {
        Add(),
        List(),
        Remove(),
        SetRole(),
        ResetPassword(),
    };

    /// <summary>Who the audit log names for what this command does.</summary>
    public static string Actor => "cli:" + Environment.UserName;

    private static Command Add()
    {
        var name = NameArgument();
        var role = RoleOption();
        var password = PasswordOption();
        var command = new Command("add", "Add an account. The password is read from standard input (the first line), or typed without echo at a terminal.")
        {
            name, role, password,
        };
        command.SetAction((parse, ct) => RunAsync(parse, password, role, async users =>
        {
            var secret = ReadPassword(parse);
            if (secret is null)
            {
                return ExitCodes.UsageOrConfiguration;
            }

            var added = await users.Accounts.AddAsync(parse.GetValue(name)!, parse.GetValue(role)!, secret, ct);
            await users.Audit.AppendAsync(Actor, AuditActions.UserAdd, added.Name, $"role {added.Role}", ct);
            await users.Output.WriteLineAsync($"Added {added.Name} ({added.Role}).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the accounts: name, role, created, locked or not.");
        command.SetAction((parse, ct) => RunAsync(parse, null, null, async users =>
        {
            var list = await users.Accounts.ListAsync(ct);
            await users.Audit.AppendAsync(Actor, AuditActions.UserList, "", $"{list.Count} account(s)", ct);
            await users.Output.WriteLineAsync(AccountTable.Format(list, users.Time.GetUtcNow()));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Remove()
    {
        var name = NameArgument();
        var command = new Command("remove", "Remove an account (never the last admin).") { name };
        command.SetAction((parse, ct) => RunAsync(parse, null, null, async users =>
        {
            var removed = await users.Accounts.RemoveAsync(parse.GetValue(name)!, ct);
            await users.Audit.AppendAsync(Actor, AuditActions.UserRemove, removed.Name, $"role was {removed.Role}", ct);
            await users.Output.WriteLineAsync($"Removed {removed.Name}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command SetRole()
    {
        var name = NameArgument();
        var role = RoleOption();
        var command = new Command("set-role", "Give an account another role (the last admin keeps admin).") { name, role };
        command.SetAction((parse, ct) => RunAsync(parse, null, role, async users =>
        {
            var after = Roles.Parse(parse.GetValue(role));
            var account = await users.Accounts.FindAsync(parse.GetValue(name)!, ct) ?? throw new AccountException($"There is no account '{parse.GetValue(name)}'.");
            var before = await users.Accounts.SetRoleAsync(account.Name, after, ct);
            await users.Audit.AppendAsync(Actor, AuditActions.UserRole, account.Name, $"{before} -> {after}", ct);
            await users.Output.WriteLineAsync($"{account.Name} is now {after} (was {before}).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ResetPassword()
    {
        var name = NameArgument();
        var password = PasswordOption();
        var command = new Command("reset-password", "Set a new password (standard input, as for add) and lift any lockout.") { name, password };
        command.SetAction((parse, ct) => RunAsync(parse, password, null, async users =>
        {
            var account = await users.Accounts.FindAsync(parse.GetValue(name)!, ct) ?? throw new AccountException($"There is no account '{parse.GetValue(name)}'.");
            var secret = ReadPassword(parse);
            if (secret is null)
            {
                return ExitCodes.UsageOrConfiguration;
            }

            await users.Accounts.SetPasswordAsync(account.Name, secret, ct);
            await users.Audit.AppendAsync(Actor, AuditActions.UserPassword, account.Name, "password reset; lockout lifted", ct);
            await users.Output.WriteLineAsync($"Set a new password for {account.Name}.");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Runs a users action: a refused change (unknown account, name taken, weak password,
    /// last admin) is exit code 1 with the reason; a password on the command line, a missing or
    /// unknown role or an unusable database is 2.</summary>
    private static Task<int> RunAsync(ParseResult parse, Option<string?>? password, Option<string>? role, Func<UsersContext, Task<int>> action)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        if (password is not null && parse.GetResult(password) is not null)
        {
            error.WriteLine("faqbot does not take passwords on the command line (shell history and process lists would keep them). "
                + "Type it when asked, or pipe it: printf '%s\\n' \"$PASSWORD\" | faqbot users ...");
            return Task.FromResult(ExitCodes.UsageOrConfiguration);
        }

        if (role is not null && !Roles.IsValid(parse.GetValue(role)?.Trim().ToLowerInvariant()))
        {
            error.WriteLine($"--role {(parse.GetValue(role) is null ? "is required" : "must be")}: one of {string.Join(", ", Roles.All)}.");
            return Task.FromResult(ExitCodes.UsageOrConfiguration);
        }

        return CliHost.RunAsync(parse.GetValue(CliOptions.Knowledge), error, async services =>
        {
            try
            {
                return await action(new UsersContext(
                    services.GetRequiredService<AccountStore>(), services.GetRequiredService<AuditLog>(), services.GetRequiredService<TimeProvider>(), output));
            }
            catch (AccountException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return ExitCodes.Failed;
            }
            catch (SqliteException ex)
            {
                await error.WriteLineAsync($"The database cannot be used: {ex.Message}");
                return ExitCodes.UsageOrConfiguration;
            }
        });
    }

    private static string? ReadPassword(ParseResult parse)
    {
        var password = PasswordInput.Read(parse.InvocationConfiguration.Error);
        if (string.IsNullOrEmpty(password))
        {
            parse.InvocationConfiguration.Error.WriteLine("No password on standard input: pipe one line holding it, or run this at a terminal to type it.");
            return null;
        }

        return password;
    }

    private static Argument<string> NameArgument() => new("name")
    {
        Description = "The account name: 2 to 64 letters, digits, '.', '-', '_' or '@'; compared without regard to case.",
    };

    /// <summary>Required; checked by the action (exit code 2) like every other usage error.</summary>
    private static Option<string> RoleOption()
    {
        var option = new Option<string>("--role") { Description = $"Required. One of: {string.Join(", ", Roles.All)}." };
        option.CompletionSources.Add(Roles.All.ToArray());
        return option;
    }

    /// <summary>Accepted by the parser only to refuse it with an explanation.</summary>
    private static Option<string?> PasswordOption() => new("--password", "-p") { Hidden = true };
}

internal sealed record UsersContext(AccountStore Accounts, AuditLog Audit, TimeProvider Time, TextWriter Output);

/// <summary>The accounts as an aligned plain-text table.</summary>
internal static class AccountTable
{
    public static string Format(IReadOnlyList<Account> accounts, DateTimeOffset now)
    {
        if (accounts.Count == 0)
        {
            return "No accounts. Add one with: faqbot users add NAME --role admin";
        }

        var rows = accounts.Select(a => new[]
        {
            a.Name,
            a.Role,
            a.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            a.StatusAt(now),
        }).Prepend(["NAME", "ROLE", "CREATED (UTC)", "STATUS"]).ToList();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return string.Join(Environment.NewLine, rows.Select(r => string.Join("  ", r.Select((cell, i) => i == 3 ? cell : cell.PadRight(widths[i]))).TrimEnd()));
    }
}
