using FaqBot.Storage.Accounts;
using FaqBot.Storage.Tests.TestSupport;

namespace FaqBot.Storage.Tests.Accounts;

public abstract class AccountStoreTests(Engine engine) : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    /// <summary>The address the tests sign in from (documentation range, RFC 5737).</summary>
    private const string Client = "192.0.2.1";

    private const string OtherClient = "198.51.100.7";

    private TempAccounts _temp = null!;

    public async Task InitializeAsync() => _temp = await TempAccounts.CreateAsync(engine);
    private readonly CancellationToken _ct = CancellationToken.None;

    private AccountStore Store => _temp.Store;

    [Fact]
    public async Task A_new_account_signs_in_with_its_password_under_any_case_of_its_name()
    {
        await Store.AddAsync("Alice.R", Roles.Reviewer, Password, _ct);

        var result = await Store.SignInAsync("alice.r", Password, Client, _ct);

        Assert.Equal(SignInStatus.Succeeded, result.Status);
        Assert.Equal("Alice.R", result.Name);
        Assert.Equal(Roles.Reviewer, result.Role);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_name_get_the_same_answer()
    {
        await Store.AddAsync("alice", Roles.Staff, Password, _ct);

        var wrong = await Store.SignInAsync("alice", Password + "!", Client, _ct);
        var unknown = await Store.SignInAsync("nobody", Password, Client, _ct);

        Assert.Equal(SignInStatus.WrongCredentials, wrong.Status);
        Assert.Equal(wrong, unknown);
    }

    [Fact]
    public async Task The_password_is_stored_as_an_identity_v3_hash_not_as_text()
    {
        await Store.AddAsync("alice", Roles.Staff, Password, _ct);

        var hash = _temp.StoredHash("alice");

        Assert.DoesNotContain(Password, hash, StringComparison.Ordinal);
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]); // format marker of PasswordHasher's V3 (PBKDF2)
    }

    [Theory]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("émile")]
    [InlineData("name;drop")]
    public async Task Names_outside_the_rules_are_refused_with_the_rule(string name)
    {
        var error = await Assert.ThrowsAsync<AccountException>(() => Store.AddAsync(name, Roles.Staff, Password, _ct));

        Assert.Contains("name", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await Store.ListAsync(_ct));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("dr.jones-smith_2@clinic.example")]
    public async Task Names_of_letters_digits_and_dot_dash_underscore_at_are_accepted(string name)
    {
        await Store.AddAsync(name, Roles.Staff, Password, _ct);

        Assert.Equal(name, Assert.Single(await Store.ListAsync(_ct)).Name);
    }

    [Fact]
    public async Task A_name_of_65_characters_is_refused_and_64_is_accepted()
    {
        await Assert.ThrowsAsync<AccountException>(() => Store.AddAsync(new string('a', 65), Roles.Staff, Password, _ct));
        await Store.AddAsync(new string('a', 64), Roles.Staff, Password, _ct);
    }

    [Fact]
    public async Task A_name_taken_in_another_case_is_refused()
    {
        await Store.AddAsync("alice", Roles.Staff, Password, _ct);

        var error = await Assert.ThrowsAsync<AccountException>(() => Store.AddAsync("ALICE", Roles.Admin, Password, _ct));

        Assert.Contains("taken", error.Message, StringComparison.Ordinal);
        Assert.Equal(Roles.Staff, Assert.Single(await Store.ListAsync(_ct)).Role);
    }

    [Fact]
    public async Task Passwords_shorter_than_twelve_characters_are_refused()
    {
        var error = await Assert.ThrowsAsync<AccountException>(() => Store.AddAsync("alice", Roles.Staff, "elevenchars", _ct));
        await Store.AddAsync("bob", Roles.Staff, "twelve chars", _ct);

        Assert.Contains("12", error.Message, StringComparison.Ordinal);
        Assert.Equal("bob", Assert.Single(await Store.ListAsync(_ct)).Name);
    }

    [Fact]
    public async Task Roles_are_read_in_any_case_and_unknown_roles_are_refused_with_the_list()
    {
        var added = await Store.AddAsync("alice", "Clinician", Password, _ct);
        var error = await Assert.ThrowsAsync<AccountException>(() => Store.AddAsync("bob", "superuser", Password, _ct));

        Assert.Equal(Roles.Clinician, added.Role);
        Assert.Contains("reviewer, staff, clinician, admin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_in_a_row_lock_that_address_out_for_fifteen_minutes_even_against_the_right_password()
    {
        await Store.AddAsync("alice", Roles.Staff, Password, _ct);
        var start = _temp.Clock.GetUtcNow();
        var results = new List<SignInResult>();
        for (var i = 0; i < 5; i++)
        {
            results.Add(await Store.SignInAsync("alice", "wrong password " + i, Client, _ct));
        }

        var whileLocked = await Store.SignInAsync("alice", Password, Client, _ct);
        _temp.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        var almost = await Store.SignInAsync("alice", Password, Client, _ct);
        _temp.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await Store.SignInAsync("alice", Password, Client, _ct);

        Assert.All(results[..4], r => Assert.Equal(SignInStatus.WrongCredentials, r.Status));
        Assert.Equal(SignInStatus.LockedOut, results[4].Status);
        Assert.Equal(start.AddMinutes(15), results[4].LockedUntil);
        Assert.Equal(SignInStatus.LockedOut, whileLocked.Status);
        Assert.Equal(SignInStatus.LockedOut, almost.Status);
        Assert.Equal(SignInStatus.Succeeded, after.Status);
    }

    [Fact]
    public async Task Failures_from_one_address_never_lock_the_account_owner_out_from_another()
    {
        await Store.AddAsync("alice", Roles.Staff, Password, _ct);
        for (var i = 0; i < 20; i++)
        {
            await Store.SignInAsync("alice", "an outsider's guess " + i, OtherClient, _ct);
        }

        var outsider = await Store.SignInAsync("alice", Password, OtherClient, _ct);
        var owner = await Store.SignInAsync("alice", Password, Client, _ct);

        Assert.Equal(SignInStatus.LockedOut, outsider.Status);
        Assert.Equal(SignInStatus.Succeeded, owner.Status);
    }

    [Fact]
    public async Task Failures_spread_over_many_addresses_pause_sign_in_from_addresses_the_account_does_not_know()
    {
        await using var temp = await TempAccounts.CreateAsync(engine, options: new AccountOptions { MaxFailedAttempts = 2, MaxFailedAttemptsPerAccount = 6, LockoutMinutes = 10 });
        await temp.Store.AddAsync("alice", Roles.Staff, Password, _ct);
        Assert.True((await temp.Store.SignInAsync("alice", Password, Client, _ct)).Succeeded); // the owner's usual address
        var results = new List<SignInResult>();
        for (var i = 0; i < 6; i++)
        {
            results.Add(await temp.Store.SignInAsync("alice", "a guess", $"203.0.113.{i}", _ct));
        }

        var newAddress = await temp.Store.SignInAsync("alice", Password, OtherClient, _ct);
        var knownAddress = await temp.Store.SignInAsync("alice", Password, Client, _ct);
        var afterwards = await temp.Store.SignInAsync("alice", Password, OtherClient, _ct);

        Assert.All(results[..5], r => Assert.Equal(SignInStatus.WrongCredentials, r.Status));
        Assert.Equal(SignInStatus.LockedOut, results[5].Status);
        Assert.Equal(temp.Clock.GetUtcNow().AddMinutes(10), results[5].LockedUntil);
        Assert.Equal(SignInStatus.LockedOut, newAddress.Status);
        Assert.Equal(SignInStatus.Succeeded, knownAddress.Status);
        Assert.Equal(SignInStatus.Succeeded, afterwards.Status); // a success lifts the brake
    }

    [Fact]
    public async Task The_account_wide_brake_ends_after_the_lockout_minutes()
    {
        await using var temp = await TempAccounts.CreateAsync(engine, options: new AccountOptions { MaxFailedAttempts = 2, MaxFailedAttemptsPerAccount = 4, LockoutMinutes = 10 });
        await temp.Store.AddAsync("alice", Roles.Staff, Password, _ct);
        for (var i = 0; i < 4; i++)
        {
            await temp.Store.SignInAsync("alice", "a guess", $"203.0.113.{i}", _ct);
        }

        var during = await temp.Store.SignInAsync("alice", Password, Client, _ct);
        temp.Clock.Advance(TimeSpan.FromMinutes(10));
        var after = await temp.Store.SignInAsync("alice", Password, Client, _ct);

        Assert.Equal(SignInStatus.LockedOut, during.Status);
        Assert.Equal(SignInStatus.Succeeded, after.Status);
    }

    [Fact]
    public async Task An_address_that_stops_failing_for_the_lockout_minutes_starts_its_count_again()
    {
        await Store.AddAsync("alice", Roles.Staff, Password, _ct);
        for (var i = 0; i < 4; i++)
        {
            await Store.SignInAsync("alice", "wrong", Client, _ct);
        }

        _temp.Clock.Advance(TimeSpan.FromMinutes(15));
        await Store.SignInAsync("alice", "wrong", OtherClient, _ct); // any failure clears counts gone quiet
        var fifth = await Store.SignInAsync("alice", "wrong", Client, _ct);

        Assert.Equal(SignInStatus.WrongCredentials, fifth.Status);
        Assert.Equal(SignInStatus.Succeeded, (await Store.SignInAsync("alice", Password, Client, _ct)).Status);
    }

    [Fact]
    public async Task A_success_starts_the_failure_count_again()
    {
        await Store.AddAsync("alice", Roles.Staff, Password, _ct);
        for (var i = 0; i < 4; i++)
        {
            await Store.SignInAsync("alice", "wrong", Client, _ct);
        }

        await Store.SignInAsync("alice", Password, Client, _ct);
        for (var i = 0; i < 4; i++)
        {
            await Store.SignInAsync("alice", "wrong", Client, _ct);
        }

        Assert.Equal(SignInStatus.Succeeded, (await Store.SignInAsync("alice", Password, Client, _ct)).Status);
    }

    [Fact]
    public async Task The_lockout_follows_the_configured_attempts_and_minutes()
    {
        await using var temp = await TempAccounts.CreateAsync(engine, options: new AccountOptions { MaxFailedAttempts = 2, LockoutMinutes = 1 });
        await temp.Store.AddAsync("alice", Roles.Staff, Password, _ct);

        await temp.Store.SignInAsync("alice", "wrong", Client, _ct);
        var second = await temp.Store.SignInAsync("alice", "wrong", Client, _ct);

        Assert.Equal(SignInStatus.LockedOut, second.Status);
        Assert.Equal(temp.Clock.GetUtcNow().AddMinutes(1), second.LockedUntil);
    }

    [Fact]
    public async Task An_unknown_name_costs_the_same_hashing_as_a_wrong_password()
    {
        await using var temp = await TempAccounts.CreateAsync(engine, iterations: null); // the default, strong settings
        await temp.Store.AddAsync("alice", Roles.Staff, Password, _ct);
        await temp.Store.SignInAsync("nobody", Password, Client, _ct); // the dummy hash is made once

        var known = await TimeAsync(() => temp.Store.SignInAsync("alice", "wrong password", Client, _ct));
        var unknown = await TimeAsync(() => temp.Store.SignInAsync("nobody", "wrong password", Client, _ct));

        // Skipping the hash would make an unknown name cost well under a millisecond; the known name also waits for a write.
        Assert.True(unknown > known * 0.25, $"unknown name {unknown.TotalMilliseconds:0.0} ms, wrong password {known.TotalMilliseconds:0.0} ms");
    }

    [Fact]
    public async Task A_new_password_lifts_the_lockout_and_replaces_the_old_one()
    {
        await Store.AddAsync("alice", Roles.Staff, Password, _ct);
        for (var i = 0; i < 5; i++)
        {
            await Store.SignInAsync("alice", "wrong", Client, _ct);
        }

        await Store.SetPasswordAsync("ALICE", "a brand new passphrase", _ct);

        Assert.Equal(SignInStatus.WrongCredentials, (await Store.SignInAsync("alice", Password, Client, _ct)).Status);
        var result = await Store.SignInAsync("alice", "a brand new passphrase", Client, _ct);
        Assert.Equal(SignInStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task A_weak_new_password_or_an_unknown_account_is_refused()
    {
        await Store.AddAsync("alice", Roles.Staff, Password, _ct);

        await Assert.ThrowsAsync<AccountException>(() => Store.SetPasswordAsync("alice", "short", _ct));
        await Assert.ThrowsAsync<AccountException>(() => Store.SetPasswordAsync("nobody", Password, _ct));
        Assert.True((await Store.SignInAsync("alice", Password, Client, _ct)).Succeeded);
    }

    [Fact]
    public async Task A_hash_made_with_weaker_settings_is_replaced_at_the_next_sign_in()
    {
        await Store.AddAsync("alice", Roles.Staff, Password, _ct);
        var weak = _temp.StoredHash("alice");
        var stronger = _temp.StoreWith(TempAccounts.FastIterations * 2);

        var result = await stronger.SignInAsync("alice", Password, Client, _ct);

        var rehashed = _temp.StoredHash("alice");
        var again = await stronger.SignInAsync("alice", Password, Client, _ct);

        Assert.True(result.Succeeded);
        Assert.NotEqual(weak, rehashed);
        Assert.True(again.Succeeded);
        Assert.Equal(rehashed, _temp.StoredHash("alice"));
    }

    [Fact]
    public async Task A_role_change_returns_the_old_role_and_the_last_admin_keeps_theirs()
    {
        await Store.AddAsync("root", Roles.Admin, Password, _ct);
        await Store.AddAsync("alice", Roles.Reviewer, Password, _ct);

        var before = await Store.SetRoleAsync("alice", Roles.Admin, _ct);
        await Store.SetRoleAsync("root", Roles.Staff, _ct);
        var error = await Assert.ThrowsAsync<AccountException>(() => Store.SetRoleAsync("alice", Roles.Staff, _ct));

        Assert.Equal(Roles.Reviewer, before);
        Assert.Contains("last admin", error.Message, StringComparison.Ordinal);
        Assert.Equal(Roles.Admin, (await Store.FindAsync("alice", _ct))!.Role);
    }

    [Fact]
    public async Task Removing_deletes_the_account_but_never_the_last_admin()
    {
        await Store.AddAsync("root", Roles.Admin, Password, _ct);
        await Store.AddAsync("alice", Roles.Reviewer, Password, _ct);

        var removed = await Store.RemoveAsync("ALICE", _ct);
        var error = await Assert.ThrowsAsync<AccountException>(() => Store.RemoveAsync("root", _ct));
        await Assert.ThrowsAsync<AccountException>(() => Store.RemoveAsync("alice", _ct));

        Assert.Equal("alice", removed.Name);
        Assert.Contains("last admin", error.Message, StringComparison.Ordinal);
        Assert.Equal("root", Assert.Single(await Store.ListAsync(_ct)).Name);
        Assert.Equal(SignInStatus.WrongCredentials, (await Store.SignInAsync("alice", Password, Client, _ct)).Status);
    }

    [Fact]
    public async Task The_list_is_sorted_by_name_and_shows_lockouts()
    {
        await using var temp = await TempAccounts.CreateAsync(engine, options: new AccountOptions { MaxFailedAttempts = 5, MaxFailedAttemptsPerAccount = 5 });
        await temp.Store.AddAsync("carol", Roles.Staff, Password, _ct);
        await temp.Store.AddAsync("Bob", Roles.Admin, Password, _ct);
        await temp.Store.AddAsync("alice", Roles.Reviewer, Password, _ct);
        for (var i = 0; i < 5; i++)
        {
            await temp.Store.SignInAsync("carol", "wrong", Client, _ct);
        }

        await temp.Store.SignInAsync("Bob", "wrong", Client, _ct);
        var now = temp.Clock.GetUtcNow();

        var list = await temp.Store.ListAsync(_ct);

        Assert.Equal(["alice", "Bob", "carol"], list.Select(a => a.Name));
        Assert.True(list[2].IsLockedAt(now));
        Assert.Equal(1, list[2].LockedOutClients);
        Assert.StartsWith("locked until", list[2].StatusAt(now), StringComparison.Ordinal);
        Assert.Equal("1 failed sign-in(s)", list[1].StatusAt(now));
        Assert.False(list[0].IsLockedAt(now));
        Assert.Equal("active", list[0].StatusAt(now));
    }

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await action();
            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        return best;
    }

    public sealed class OnSqlite() : AccountStoreTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : AccountStoreTests(Engine.PostgreSql);
}
