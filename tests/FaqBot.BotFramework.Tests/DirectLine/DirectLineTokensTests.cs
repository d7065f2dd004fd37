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
    public void A_token_is_random_and_grants_only_its_conversation_and_user()
    {
        var tokens = Tokens();

        var first = tokens.Issue("c1", "u1");
        var second = tokens.Issue("c1", "u1");
        var grant = tokens.Authorize("Bearer " + first.Token)!;

        Assert.NotEqual(first.Token, second.Token);
        Assert.True(first.Token.Length >= 43);
        Assert.Equal("u1", grant.UserId);
        Assert.True(grant.Allows("c1"));
        Assert.False(grant.Allows("c2"));
        Assert.Equal(1800, first.ExpiresInSeconds);
    }

    [Fact]
    public void A_token_expires_after_its_lifetime()
    {
        var tokens = Tokens();
        var issued = tokens.Issue("c1", "u1");

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(tokens.Authorize("Bearer " + issued.Token));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(tokens.Authorize("Bearer " + issued.Token));
        Assert.Equal(1, tokens.Sweep());
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("bearer  ")]
    [InlineData("BEARER\t")]
    [InlineData(" Bearer ")]
    public void Every_spelling_of_the_header_that_authenticates_finds_the_same_grant(string scheme)
    {
        var tokens = Tokens();
        var issued = tokens.Issue("c1", "u1");

        var grant = tokens.Authorize(scheme + issued.Token + " ");

        Assert.Equal(("c1", 1, issued.Token), (grant!.ConversationId, grant.Generation, grant.Token));
    }

    [Fact]
    public void A_refresh_replaces_the_token_and_the_replaced_one_works_only_for_the_grace()
    {
        var tokens = Tokens();
        var first = tokens.Issue("c1", "u1");
        _time.Advance(TimeSpan.FromMinutes(15));

        var refresh = tokens.Refresh(tokens.Authorize("Bearer " + first.Token)!);
        var second = refresh.Issued!;
        var oldDuringGrace = tokens.Authorize("Bearer " + first.Token);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal("c1", second.ConversationId);
        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal((1, "u1"), (oldDuringGrace!.Generation, oldDuringGrace.UserId));
        Assert.Null(tokens.Authorize("Bearer " + first.Token));
        Assert.Equal(2, tokens.Authorize("Bearer " + second.Token)!.Generation);
    }

    [Fact]
    public void A_token_is_refreshed_at_most_once_per_interval_and_only_by_its_newest_token()
    {
        var tokens = Tokens();
        var first = tokens.Issue("c1", "u1");
        var firstGrant = tokens.Authorize("Bearer " + first.Token)!;
        _time.Advance(TimeSpan.FromSeconds(20));

        var tooSoon = tokens.Refresh(firstGrant);
        _time.Advance(TimeSpan.FromSeconds(40));
        var second = tokens.Refresh(firstGrant).Issued!;
        var byReplaced = tokens.Refresh(firstGrant);
        var againTooSoon = tokens.Refresh(tokens.Authorize("Bearer " + second.Token)!);

        Assert.Equal((null, TimeSpan.FromSeconds(40)), (tooSoon.Issued, tooSoon.RetryAfter));
        Assert.Equal((null, null), (byReplaced.Issued, byReplaced.RetryAfter));
        Assert.Equal(TimeSpan.FromSeconds(60), againTooSoon.RetryAfter);
    }

    [Fact]
    public void A_refreshed_token_lives_its_own_lifetime_and_an_expired_grant_is_swept()
    {
        var tokens = Tokens();
        var first = tokens.Issue("c1", "u1");
        _time.Advance(TimeSpan.FromMinutes(20));
        var second = tokens.Refresh(tokens.Authorize("Bearer " + first.Token)!).Issued!;

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(tokens.Authorize("Bearer " + second.Token));
        Assert.Equal(0, tokens.Sweep());
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(tokens.Authorize("Bearer " + second.Token));
        Assert.Equal(1, tokens.Sweep());
    }

    [Fact]
    public void A_token_naming_a_conversation_it_was_not_issued_for_grants_nothing()
    {
        var tokens = Tokens();
        var alice = tokens.Issue("alice", "u1");
        tokens.Issue("bob", "u2");

        Assert.Null(tokens.Authorize("Bearer bob" + alice.Token["alice".Length..]));
        Assert.Null(tokens.Authorize("Bearer ~" + alice.Token));
        Assert.Null(tokens.Authorize("Bearer alice"));
    }

    [Fact]
    public void The_secret_grants_every_conversation_and_an_empty_secret_grants_nothing()
    {
        Assert.True(Tokens().Authorize("Bearer s3cret-value")!.IsSecret);
        Assert.Null(Tokens(secret: "").Authorize("Bearer "));
        Assert.Null(Tokens().Authorize("Bearer s3cret-valuX"));
        Assert.Null(Tokens().Authorize("Basic s3cret-value"));
        Assert.Null(Tokens().Authorize(StringValues.Empty));
    }
}
