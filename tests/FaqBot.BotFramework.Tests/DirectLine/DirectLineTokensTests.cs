using FaqBot.BotFramework.DirectLine;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace FaqBot.BotFramework.Tests.DirectLine;

public sealed class DirectLineTokensTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private DirectLineTokens Tokens(string secret = "s3cret-value") =>
        new(Options.Create(new DirectLineOptions { Secret = secret, TokenLifetimeMinutes = 30, MinSecondsBetweenRefreshes = 60, ReplacedTokenGraceSeconds = 30 }), _time);

    [Fact]
    public async Task A_token_is_random_and_grants_only_its_conversation_and_user()
    {
        var tokens = Tokens();

        var first = await tokens.IssueAsync("c1", "u1");
        var second = await tokens.IssueAsync("c1", "u1");
        var grant = (await tokens.AuthorizeAsync("Bearer " + first.Token))!;

        Assert.NotEqual(first.Token, second.Token);
        Assert.True(first.Token.Length >= 43);
        Assert.Equal("u1", grant.UserId);
        Assert.True(grant.Allows("c1"));
        Assert.False(grant.Allows("c2"));
        Assert.Equal(1800, first.ExpiresInSeconds);
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime()
    {
        var tokens = Tokens();
        var issued = await tokens.IssueAsync("c1", "u1");

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(await tokens.AuthorizeAsync("Bearer " + issued.Token));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await tokens.AuthorizeAsync("Bearer " + issued.Token));
        Assert.Equal(1, tokens.Sweep());
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("bearer  ")]
    [InlineData("BEARER\t")]
    [InlineData(" Bearer ")]
    public async Task Every_spelling_of_the_header_that_authenticates_finds_the_same_grant(string scheme)
    {
        var tokens = Tokens();
        var issued = await tokens.IssueAsync("c1", "u1");

        var grant = await tokens.AuthorizeAsync(scheme + issued.Token + " ");

        Assert.Equal(("c1", 1, issued.Token), (grant!.ConversationId, grant.Generation, grant.Token));
    }

    [Fact]
    public async Task A_refresh_replaces_the_token_and_the_replaced_one_works_only_for_the_grace()
    {
        var tokens = Tokens();
        var first = await tokens.IssueAsync("c1", "u1");
        _time.Advance(TimeSpan.FromMinutes(15));

        var refresh = await tokens.RefreshAsync((await tokens.AuthorizeAsync("Bearer " + first.Token))!);
        var second = refresh.Issued!;
        var oldDuringGrace = await tokens.AuthorizeAsync("Bearer " + first.Token);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("c1", second.ConversationId);
        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal((1, "u1"), (oldDuringGrace!.Generation, oldDuringGrace.UserId));
        Assert.Null(await tokens.AuthorizeAsync("Bearer " + first.Token));
        Assert.Equal(2, (await tokens.AuthorizeAsync("Bearer " + second.Token))!.Generation);
    }

    [Fact]
    public async Task A_token_is_refreshed_at_most_once_per_interval_and_only_by_its_newest_token()
    {
        var tokens = Tokens();
        var first = await tokens.IssueAsync("c1", "u1");
        var firstGrant = (await tokens.AuthorizeAsync("Bearer " + first.Token))!;
        _time.Advance(TimeSpan.FromSeconds(20));

        var tooSoon = await tokens.RefreshAsync(firstGrant);
        _time.Advance(TimeSpan.FromSeconds(40));
        var second = (await tokens.RefreshAsync(firstGrant)).Issued!;
        var byReplaced = await tokens.RefreshAsync(firstGrant);
        var againTooSoon = await tokens.RefreshAsync((await tokens.AuthorizeAsync("Bearer " + second.Token))!);

        Assert.Equal((null, TimeSpan.FromSeconds(40)), (tooSoon.Issued, tooSoon.RetryAfter));
        Assert.Equal((null, null), (byReplaced.Issued, byReplaced.RetryAfter));
        Assert.Equal(TimeSpan.FromSeconds(60), againTooSoon.RetryAfter);
    }

    [Fact]
    public async Task A_refreshed_token_lives_its_own_lifetime_and_an_expired_grant_is_swept()
    {
        var tokens = Tokens();
        var first = await tokens.IssueAsync("c1", "u1");
        _time.Advance(TimeSpan.FromMinutes(20));
        var second = (await tokens.RefreshAsync((await tokens.AuthorizeAsync("Bearer " + first.Token))!)).Issued!;

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(await tokens.AuthorizeAsync("Bearer " + second.Token));
        Assert.Equal(0, tokens.Sweep());
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await tokens.AuthorizeAsync("Bearer " + second.Token));
        Assert.Equal(1, tokens.Sweep());
    }

    [Fact]
    public async Task A_token_naming_a_conversation_it_was_not_issued_for_grants_nothing()
    {
        var tokens = Tokens();
        var alice = await tokens.IssueAsync("alice", "u1");
        await tokens.IssueAsync("bob", "u2");

        Assert.Null(await tokens.AuthorizeAsync("Bearer bob" + alice.Token["alice".Length..]));
        Assert.Null(await tokens.AuthorizeAsync("Bearer ~" + alice.Token));
        Assert.Null(await tokens.AuthorizeAsync("Bearer alice"));
    }

    [Fact]
    public async Task The_secret_grants_every_conversation_and_an_empty_secret_grants_nothing()
    {
        Assert.True((await Tokens().AuthorizeAsync("Bearer s3cret-value"))!.IsSecret);
        Assert.Null(await Tokens(secret: "").AuthorizeAsync("Bearer "));
        Assert.Null(await Tokens().AuthorizeAsync("Bearer s3cret-valuX"));
        Assert.Null(await Tokens().AuthorizeAsync("Basic s3cret-value"));
        Assert.Null(await Tokens().AuthorizeAsync(StringValues.Empty));
    }
}
