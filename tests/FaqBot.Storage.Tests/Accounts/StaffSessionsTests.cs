using FaqBot.Storage.Accounts;
using FaqBot.Storage.Tests.TestSupport;

namespace FaqBot.Storage.Tests.Accounts;

/// <summary>Server-side staff sessions: a session lives until it is ended, expires, or its account's
/// password or role changes or the account is removed.</summary>
public abstract class StaffSessionsTests(Engine engine) : IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private TempAccounts _temp = null!;

    public async Task InitializeAsync() => _temp = await TempAccounts.CreateAsync(engine);
    private readonly CancellationToken _ct = CancellationToken.None;

    private StaffSessions Sessions => _temp.Sessions;

    [Fact]
    public async Task An_open_session_names_its_account_as_stored_and_its_role_now()
    {
        await _temp.Store.AddAsync("Alice", Roles.Reviewer, Password, _ct);

        var id = await Sessions.OpenAsync("alice", Lifetime, _ct);
        var session = await Sessions.FindAsync(id, _ct);

        Assert.Equal(64, id.Length);
        Assert.Equal(("Alice", Roles.Reviewer), (session!.Name, session.Role));
        Assert.Equal(_temp.Clock.GetUtcNow() + Lifetime, session.ExpiresAt);
    }

    [Fact]
    public async Task Each_session_has_its_own_id_and_ending_one_leaves_the_others()
    {
        await _temp.Store.AddAsync("alice", Roles.Reviewer, Password, _ct);
        var laptop = await Sessions.OpenAsync("alice", Lifetime, _ct);
        var phone = await Sessions.OpenAsync("alice", Lifetime, _ct);

        await Sessions.EndAsync(laptop, _ct);

        Assert.NotEqual(laptop, phone);
        Assert.Null(await Sessions.FindAsync(laptop, _ct));
        Assert.NotNull(await Sessions.FindAsync(phone, _ct));
    }

    [Fact]
    public async Task A_session_expires_unless_it_is_extended_and_an_expired_one_stays_ended()
    {
        await _temp.Store.AddAsync("alice", Roles.Reviewer, Password, _ct);
        var kept = await Sessions.OpenAsync("alice", Lifetime, _ct);
        var left = await Sessions.OpenAsync("alice", Lifetime, _ct);

        _temp.Clock.Advance(TimeSpan.FromHours(5));
        await Sessions.ExtendAsync(kept, Lifetime, _ct);
        _temp.Clock.Advance(TimeSpan.FromHours(3));
        await Sessions.ExtendAsync(left, Lifetime, _ct);

        Assert.NotNull(await Sessions.FindAsync(kept, _ct));
        Assert.Null(await Sessions.FindAsync(left, _ct));
    }

    [Fact]
    public async Task A_new_password_a_new_role_or_removal_ends_every_session_of_that_account_only()
    {
        await _temp.Store.AddAsync("root", Roles.Admin, Password, _ct);
        foreach (var name in new[] { "reset", "moved", "gone", "bystander" })
        {
            await _temp.Store.AddAsync(name, Roles.Reviewer, Password, _ct);
        }

        var reset = await Sessions.OpenAsync("reset", Lifetime, _ct);
        var moved = await Sessions.OpenAsync("moved", Lifetime, _ct);
        var gone = await Sessions.OpenAsync("gone", Lifetime, _ct);
        var bystander = await Sessions.OpenAsync("bystander", Lifetime, _ct);

        await _temp.Store.SetPasswordAsync("RESET", "a brand new passphrase", _ct);
        await _temp.Store.SetRoleAsync("moved", Roles.Staff, _ct);
        await _temp.Store.RemoveAsync("gone", _ct);

        Assert.Null(await Sessions.FindAsync(reset, _ct));
        Assert.Null(await Sessions.FindAsync(moved, _ct));
        Assert.Null(await Sessions.FindAsync(gone, _ct));
        Assert.NotNull(await Sessions.FindAsync(bystander, _ct));
    }

    [Fact]
    public async Task A_refused_role_change_keeps_the_sessions()
    {
        await _temp.Store.AddAsync("root", Roles.Admin, Password, _ct);
        var session = await Sessions.OpenAsync("root", Lifetime, _ct);

        await Assert.ThrowsAsync<AccountException>(() => _temp.Store.SetRoleAsync("root", Roles.Staff, _ct));

        Assert.NotNull(await Sessions.FindAsync(session, _ct));
    }

    [Fact]
    public async Task No_session_opens_for_an_unknown_account_and_an_unknown_id_finds_nothing()
    {
        await Assert.ThrowsAsync<AccountException>(() => Sessions.OpenAsync("nobody", Lifetime, _ct));

        Assert.Null(await Sessions.FindAsync("not-a-session", _ct));
    }

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    public sealed class OnSqlite() : StaffSessionsTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : StaffSessionsTests(Engine.PostgreSql);
}
