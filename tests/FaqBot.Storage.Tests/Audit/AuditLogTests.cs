using FaqBot.Storage.Audit;
using FaqBot.Storage.Tests.Accounts;
using FaqBot.Storage.Tests.TestSupport;

namespace FaqBot.Storage.Tests.Audit;

public abstract class AuditLogTests(Engine engine) : IAsyncLifetime
{
    private TempAccounts _temp = null!;

    public async Task InitializeAsync() => _temp = await TempAccounts.CreateAsync(engine);
    private readonly CancellationToken _ct = CancellationToken.None;

    private AuditLog Log => _temp.Audit;

    [Fact]
    public async Task Entries_come_back_newest_first_with_time_actor_action_target_and_detail()
    {
        await Log.AppendAsync("root", AuditActions.UserAdd, "alice", "role reviewer", _ct);
        _temp.Clock.Advance(TimeSpan.FromMinutes(1));
        await Log.AppendAsync("alice", AuditActions.SignIn, "alice", "from 127.0.0.1", _ct);

        var entries = await Log.ListAsync(new AuditQuery(), _ct);

        Assert.Equal(2, entries.Count);
        Assert.Equal(("alice", "signin", "alice", "from 127.0.0.1"), (entries[0].Actor, entries[0].Action, entries[0].Target, entries[0].Detail));
        Assert.Equal(_temp.Clock.GetUtcNow(), entries[0].At);
        Assert.Equal(("root", "user.add", "role reviewer"), (entries[1].Actor, entries[1].Action, entries[1].Detail));
        Assert.True(entries[0].Id > entries[1].Id);
    }

    [Fact]
    public async Task The_list_filters_by_actor_in_any_case_and_by_action()
    {
        await Log.AppendAsync("root", AuditActions.UserAdd, "alice", "", _ct);
        await Log.AppendAsync("Alice", AuditActions.SignIn, "Alice", "", _ct);
        await Log.AppendAsync("alice", AuditActions.SignOut, "alice", "", _ct);
        await Log.AppendAsync("bob", AuditActions.SignIn, "bob", "", _ct);

        var byActor = await Log.ListAsync(new AuditQuery(Actor: "ALICE"), _ct);
        var byAction = await Log.ListAsync(new AuditQuery(Action: AuditActions.SignIn), _ct);
        var both = await Log.ListAsync(new AuditQuery(Actor: "alice", Action: AuditActions.SignIn), _ct);
        var blank = await Log.ListAsync(new AuditQuery(Actor: " ", Action: ""), _ct);

        Assert.Equal(["signout", "signin"], byActor.Select(e => e.Action));
        Assert.Equal(["bob", "Alice"], byAction.Select(e => e.Actor));
        Assert.Equal("Alice", Assert.Single(both).Actor);
        Assert.Equal(4, blank.Count);
    }

    [Fact]
    public async Task Pages_follow_one_another_by_id()
    {
        for (var i = 0; i < 7; i++)
        {
            await Log.AppendAsync("root", AuditActions.UserList, "", $"#{i}", _ct);
        }

        var first = await Log.ListAsync(new AuditQuery(Limit: 3), _ct);
        var second = await Log.ListAsync(new AuditQuery(BeforeId: first[^1].Id, Limit: 3), _ct);
        var third = await Log.ListAsync(new AuditQuery(BeforeId: second[^1].Id, Limit: 3), _ct);

        Assert.Equal(["#6", "#5", "#4"], first.Select(e => e.Detail));
        Assert.Equal(["#3", "#2", "#1"], second.Select(e => e.Detail));
        Assert.Equal(["#0"], third.Select(e => e.Detail));
    }

    [Fact]
    public async Task Text_is_stored_as_given_and_cut_at_the_field_limit()
    {
        var markup = "<script>alert(1)</script> <img src=x onerror=alert(1)> '; DROP TABLE audit; --";
        await Log.AppendAsync("root", "note", markup, new string('x', AuditLog.MaxFieldLength + 10), _ct);

        var entry = Assert.Single(await Log.ListAsync(new AuditQuery(), _ct));

        Assert.Equal(markup, entry.Target);
        Assert.Equal(AuditLog.MaxFieldLength, entry.Detail.Length);
    }

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    public sealed class OnSqlite() : AuditLogTests(Engine.Sqlite);

    public sealed class OnPostgreSql() : AuditLogTests(Engine.PostgreSql);
}
